"""Check functions: each takes loaded data and returns problems, never raises."""
