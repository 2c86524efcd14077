"""Map a list's section headings to taxonomy groups, tolerant of the typos real lists have."""

from __future__ import annotations

import difflib
import re

from umm_survey.load.vocab import Vocabulary


def normalise_heading(text: str) -> str:
    text = re.sub(r"^[a-z]-\d+\s*:\s*", "", text.strip().lower())  # "b-1: Pixel Encoding"
    text = re.sub(r"^\d+(\.\d+)*\.?\s*", "", text)  # "4.1. Understanding"
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _closest(text: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(text, choices, n=1, cutoff=0.8)
    return match[0] if match else None


def group_for(headings: list[str], vocabulary: Vocabulary) -> str | None:
    """The group id for a row under these headings (outermost first), or None when no heading maps.

    The headings each group is known by are data: `list_headings` in taxonomy.yaml. A heading written
    `outer > inner` there names the inner heading under that outer (family) heading; without an outer
    heading the first such group in the taxonomy is taken.
    """
    plain, qualified = heading_table(vocabulary)
    outers = sorted({outer for outer, _ in qualified})
    inners = sorted(set(plain) | {inner for _, inner in qualified})
    outer, found = None, None
    for heading in headings:
        text = normalise_heading(heading)
        outer_key = text if text in outers else _closest(text, outers)
        if outer_key and abs(len(outer_key) - len(text)) <= 2:
            outer = outer_key
            continue
        key = text if text in inners else _closest(text, inners)
        if key:
            found = key
    if found is None:
        return None
    if outer is not None and (outer, found) in qualified:
        return qualified[(outer, found)]
    return plain.get(found) or next((group for (_, inner), group in qualified.items() if inner == found), None)


def heading_table(vocabulary: Vocabulary) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Normalised heading -> group id, and (outer heading, heading) -> group id, in the taxonomy's order."""
    plain: dict[str, str] = {}
    qualified: dict[tuple[str, str], str] = {}
    for _, group in vocabulary.walk():
        for heading in group.list_headings:
            outer, _, inner = heading.rpartition(">")
            if outer:
                qualified.setdefault((normalise_heading(outer), normalise_heading(inner)), group.id)
            else:
                plain.setdefault(normalise_heading(inner), group.id)
    return plain, qualified
