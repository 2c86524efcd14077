"""Render: pure functions from resolved data to `{relative path: text}` (site pages, charts, README, exports)."""
