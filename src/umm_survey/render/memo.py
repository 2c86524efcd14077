"""Texts carried from one build to the next, by the digest of what each was made from.

A group table's row and an entry's part of the JSON and CSV downloads depend on that entry's resolved data
alone (and on the code and templates, which the caller's cache stamp covers). A rebuild after one edit
would make thousands of them again to change one; with a memo it makes only those whose input changed.
The memo is the caller's (the page cache keeps it between builds): rendering stays pure, and a memo
never changes a text, only whether it is made again. A disabled memo carries nothing over and digests
nothing, but still makes each text once per build (a row shown on a group's page and its ancestors').
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Memo:
    def __init__(self, earlier: dict[str, str] | None = None, enabled: bool = True) -> None:
        self.earlier = earlier or {}
        self.enabled = enabled
        self.made: dict[str, str] = {}  # every text this build used, by key: what the caller keeps
        self._entry_digests: dict[str, str] = {}
        self._reprs: dict[int, tuple[Any, str]] = {}
        self._this_build: dict[str, str] = {}  # a disabled memo's texts, by entry id

    def entry_digest(self, entry: dict[str, Any]) -> str:
        """The digest of a resolved entry's whole content, worked out once per build and entry id."""
        if entry["id"] not in self._entry_digests:
            self._entry_digests[entry["id"]] = digest(json.dumps(entry, default=repr, ensure_ascii=False))  # keys in their order: a different order only means a new digest
        return self._entry_digests[entry["id"]]

    def object_text(self, value: Any) -> str:
        """`repr(value)` of a vocabulary object (a group), worked out once per build and object."""
        if id(value) not in self._reprs:
            self._reprs[id(value)] = (value, repr(value))  # the object is kept, so its id is not reused
        return self._reprs[id(value)][1]

    def text(self, what: str, entry: dict[str, Any], extra: str, make: Callable[[], str]) -> str:
        """The text `make()` gives for this entry (`what` names the kind of text, `extra` anything else it
        is made from), taken from an earlier build when one made it from the same input."""
        if not self.enabled:  # nothing carried between builds, but a text is still made once in this one
            local = f"{what}\x00{entry['id']}\x00{extra}"  # within one build an id names one entry
            if local not in self._this_build:
                self._this_build[local] = make()
            return self._this_build[local]
        key = digest(f"{what}\x00{self.entry_digest(entry)}\x00{extra}")
        text = self.made.get(key)
        if text is None:
            text = self.earlier.get(key)
            if text is None:
                text = make()
            self.made[key] = text
        return text

