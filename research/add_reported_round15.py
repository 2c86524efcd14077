"""One-off: the numbers of research/2026/reported/slice-10.json (December 2026, fifteenth round).

    python research/add_reported_round15.py

SenseNova-U1, VGT, LLaDA-o, Cheers, Mobile-O and MODUS, read by a helper in their official READMEs at a commit
and in full-text copies of their papers (file ids in the notes). Left out when curating: SenseNova-U1's MMMU and
MMBench (the copy lost the table's column names, so which column is the model's is a guess), and the rows of
CubiD (its tokenizer inside LLaVA) and Scale-RAE (one arm of a controlled comparison), which are not the
models' own headline results. VGT's README checkpoints and its paper's models differ; both are kept, each
with its source. Mapped as in research/add_reported_round10.py. Append-only through the fence: running it again changes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "research"))

from add_reported_round12 import append_notes  # noqa: E402

NOTES = [ROOT / "research" / "2026" / "reported" / "slice-10.json"]


if __name__ == "__main__":
    sys.exit(append_notes(NOTES))
