"""The fence around the research scripts: they may add to the catalogue, never change or remove what is there.

`catalogue/` is the one source of truth. A script that turns research notes into entries writes through
`write_catalogue_file`, which refuses (and writes nothing) when the file has edits not yet committed, or
when the new text would change or drop a value the file already holds: a hand-checked fact can only be
added to by running a script again, never overwritten. `retired(...)` marks a one-off whose work has
landed: it stops with a plain message instead of running again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from umm_survey.load.bib import parse_bibliography  # noqa: E402
from umm_survey.publish.atomic import write_text_atomic  # noqa: E402


class FenceError(Exception):
    """A research script tried to change what the catalogue already holds."""


def retired(script: str, landed: str) -> None:
    raise SystemExit(f"{script} is retired: its work landed in {landed}, and the catalogue is now the source of truth; edit the entries instead")


def write_catalogue_file(path: Path, text: str, held_now_added: frozenset[str] = frozenset()) -> bool:
    """Write `text` to `path` if it only adds to what is there; False when nothing changes.

    The removals allowed: a `held` triage row whose paper (arXiv id in `held_now_added`) is now an entry, and
    a model fact marked `unchecked` that the new text settles (gives it, or marks it `not_stated` or
    `not_applicable`).
    """
    old = path.read_text(encoding="utf-8") if path.exists() else None
    if old == text:
        return False
    if old is not None:
        refuse_uncommitted(path)
        before, after = _read(path, old), _read(path, text)
        removed = only_adds(_without_settled_unchecked(before, after), after, held_now_added=held_now_added)
        if removed:
            raise FenceError(f"{path}: would change {removed}; research scripts only add to the catalogue")
    write_text_atomic(path, text)
    return True


def append_bib_records(bib_path: Path, records: list[str]) -> None:
    """Add BibTeX records to references.bib in one fenced write; sorted in as `fmt` would when the file was canonical."""
    from umm_survey.authoring.formatting import format_bibliography

    before = bib_path.read_text(encoding="utf-8") if bib_path.exists() else ""
    text = before.rstrip("\n") + ("\n\n" if before.strip() else "") + "\n".join(records)
    write_catalogue_file(bib_path, format_bibliography(text) if format_bibliography(before) == before else text)


def only_adds(old, new, where: str = "", held_now_added: frozenset[str] = frozenset()) -> str | None:
    """The first place where `new` changes or drops something of `old`, or None when it only adds."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key, value in old.items():
            if key not in new:
                return f"{where}{key} (removed)"
            found = only_adds(value, new[key], f"{where}{key}.", held_now_added)
            if found:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        by_id = {item["id"]: item for item in new if isinstance(item, dict) and "id" in item}
        remaining = list(new)
        for item in old:
            if isinstance(item, dict) and item.get("id") in by_id:  # a vocabulary item may gain fields
                found = only_adds(item, by_id[item["id"]], f"{where}{item['id']}.")
                if found:
                    return found
            elif item in remaining:
                remaining.remove(item)
            elif isinstance(item, dict) and item.get("decision") == "held" and item.get("arxiv") in held_now_added:
                continue
            else:
                return f"{where.rstrip('.')} (item {item!r} removed or changed)"
        return None
    return None if old == new else f"{where.rstrip('.')} ({old!r} -> {new!r})"


def _without_settled_unchecked(old, new):
    """`old` without the `unchecked` marks that `new` settles: a fact checked at last is progress, not loss."""
    if not (isinstance(old, dict) and isinstance(new, dict) and isinstance(old.get("unchecked"), list)):
        return old
    architecture = new.get("architecture") if isinstance(new.get("architecture"), dict) else {}
    marked = {fact for mark in ("not_stated", "not_applicable") if isinstance(new.get(mark), list) for fact in new[mark]}

    def settled(fact) -> bool:
        return fact in marked or new.get(fact) not in (None, [], "") or architecture.get(fact) not in (None, [], "")

    left = [fact for fact in old["unchecked"] if not (isinstance(fact, str) and settled(fact))]
    trimmed = {key: value for key, value in old.items() if key != "unchecked"}
    return {**trimmed, "unchecked": left} if left else trimmed


def _read(path: Path, text: str):
    if path.suffix == ".bib":
        records = parse_bibliography(text, str(path)).records
        return {key: dict(record.fields, _type=record.entry_type) for key, record in records.items()}
    if path.suffix == ".yaml":
        return YAML(typ="safe", pure=True).load(text)
    return {"lines": [line for line in text.splitlines() if line.strip()]}


def refuse_uncommitted(*paths: Path) -> None:
    """Stop when one of `paths` has uncommitted edits: before each write, and at a script's start for the shared
    files it will write, so that it stops before writing anything."""
    for path in paths:
        where = Path(path).resolve().parent  # the repository holding the file (the project's, or a test's)
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], cwd=where, capture_output=True).returncode == 0
        if tracked and subprocess.run(["git", "diff", "--quiet", "HEAD", "--", str(path)], cwd=where).returncode != 0:
            raise FenceError(f"{path} has edits not yet committed; commit or stash them before running a research script")
