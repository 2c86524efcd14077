"""Map a list's section headings to taxonomy groups, tolerant of the typos real lists have."""

from __future__ import annotations

import difflib
import re

# normalised heading text -> group id; "*" entries depend on the enclosing family heading
HEADING_GROUPS = {
    "diffusion": "diffusion",
    "pixel encoding": "*pixel",
    "semantic encoding": "ar-semantic",
    "learnable query encoding": "ar-learnable-query",
    "hybrid encoding pseudo": "*pseudo",
    "hybrid encoding joint": "ar-hybrid-joint",
    "any to any multimodal models": "any-to-any",
    "benchmarks on understanding tasks": "benchmark-understanding",
    "benchmarks on image generation tasks": "benchmark-generation",
    "benchmarks on interleaved compositional other tasks": "benchmark-interleaved",
    "benchmarks on interleaved tasks": "benchmark-interleaved",
    "multimodal understanding": "dataset-understanding",
    "text to image": "dataset-text-to-image",
    "image editing": "dataset-editing",
    "interleaved image text": "dataset-interleaved",
    "other text image to image": "dataset-other",
    "applications and opportunities": "applications",
}
FAMILY_HEADINGS = {"mllm ar": "ar", "mllm ar diffusion": "hybrid"}
STARRED = {("ar", "*pixel"): "ar-pixel", ("hybrid", "*pixel"): "hybrid-pixel", ("ar", "*pseudo"): "ar-hybrid-pseudo", ("hybrid", "*pseudo"): "hybrid-pseudo"}


def normalise_heading(text: str) -> str:
    text = re.sub(r"^[a-z]-\d+\s*:\s*", "", text.strip().lower())  # "b-1: Pixel Encoding"
    text = re.sub(r"^\d+(\.\d+)*\.?\s*", "", text)  # "4.1. Understanding"
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _closest(text: str, choices: list[str]) -> str | None:
    match = difflib.get_close_matches(text, choices, n=1, cutoff=0.8)
    return match[0] if match else None


def group_for(headings: list[str]) -> str | None:
    """The group id for a row under these headings (outermost first), or None when no heading maps."""
    family = None
    found = None
    for heading in headings:
        text = normalise_heading(heading)
        family_key = text if text in FAMILY_HEADINGS else _closest(text, list(FAMILY_HEADINGS))
        if family_key and abs(len(family_key) - len(text)) <= 2:
            family = FAMILY_HEADINGS[family_key]
            continue
        key = text if text in HEADING_GROUPS else _closest(text, list(HEADING_GROUPS))
        if key:
            found = HEADING_GROUPS[key]
    if found and found.startswith("*"):
        return STARRED.get((family or "ar", found))
    return found
