"""Write entries and BibTeX records in their canonical form.

Used by every command that creates or rewrites catalogue files (import, new,
fmt), so that a file written by one is already formatted for the others.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from umm_survey.publish.atomic import write_text_atomic
from umm_survey.schema import Kind

KEY_ORDER = (
    "id", "name", "title", "date", "venue", "groups", "series", "same_paper_as", "bibkey", "arxiv",
    "paper", "code", "demo", "project", "data", "inputs", "outputs",
    "architecture", "sizes", "weights", "licence", "licence_url", "organisation", "fact_sources", "not_stated", "unchecked", "not_applicable", "fact_note",
    "size", "sample", "task", "metrics", "summary",
)
ARCHITECTURE_ORDER = ("backbone", "understanding_encoder", "generation_encoder", "generation_decoder", "attention")
FACT_SOURCE_ORDER = (*ARCHITECTURE_ORDER, "sizes", "weights", "licence", "organisation")
METRIC_ORDER = ("id", "name", "higher_is_better", "min", "max")
BIB_FIELD_ORDER = (
    "author", "title", "booktitle", "journal", "volume", "number", "pages", "publisher", "institution",
    "year", "eprint", "archiveprefix", "primaryclass", "doi", "url", "note",
)
BIB_FIELD_CASE = {"archiveprefix": "archivePrefix", "primaryclass": "primaryClass"}


def modeline(schema: Kind | str) -> str:
    """The first line of an entry (schema: its kind) or of a results file (schema: "results")."""
    name = schema.value if isinstance(schema, Kind) else schema
    return f"# yaml-language-server: $schema=../schema/{name}.schema.json\n"


def yaml_writer() -> YAML:
    writer = YAML()
    writer.indent(mapping=2, sequence=4, offset=2)
    writer.width = 4096
    writer.preserve_quotes = False
    return writer


def ordered(mapping: dict[str, Any], order: tuple[str, ...]) -> CommentedMap:
    """The same mapping with known keys in canonical order, unknown ones after them."""
    rank = {key: index for index, key in enumerate(order)}
    result = CommentedMap()
    for key in sorted(mapping, key=lambda key: (rank.get(key, len(rank)), list(mapping).index(key))):
        result[key] = mapping[key]
    return result


def entry_document(data: dict[str, Any]) -> CommentedMap:
    document = ordered({key: value for key, value in data.items() if value not in (None, [], "")}, KEY_ORDER)
    if "metrics" in document:
        document["metrics"] = CommentedSeq(ordered(metric, METRIC_ORDER) for metric in document["metrics"])
    for key in ("groups", "inputs", "outputs", "same_paper_as"):
        if key in document:
            sequence = CommentedSeq(document[key])
            sequence.fa.set_flow_style()
            document[key] = sequence
    if isinstance(document.get("date"), str):
        try:
            document["date"] = dt.date.fromisoformat(document["date"])
        except ValueError:
            pass  # written as it came; validation reports it
    return document


def dump_entry(kind: Kind, data: dict[str, Any]) -> str:
    """A new entry's text, passed through `fmt`'s canonical form so the two writers cannot disagree."""
    from umm_survey.authoring.formatting import format_entry

    buffer = io.StringIO()
    yaml_writer().dump(entry_document(data), buffer)
    return format_entry(buffer.getvalue(), kind)


# ---- BibTeX ----

_WORD = re.compile(r"^(?P<lead>[(\"']*)(?P<core>.+?)(?P<trail>[:,;.!?)\"']*)$")


def protect_title(title: str) -> str:
    """Brace words whose capitals BibTeX styles would lower-case: acronyms, CamelCase, names with digits."""
    if "{" in title:
        return title
    return " ".join(_protect_word(word) for word in title.split())


def _protect_word(word: str) -> str:
    match = _WORD.match(word)
    if not match or "$" in word:
        return word
    core = match["core"]
    if any(character.isupper() for character in core[1:]) or (any(c.isdigit() for c in core) and any(c.isalpha() for c in core)):
        return f"{match['lead']}{{{core}}}{match['trail']}"
    return word


_TEX_SPECIAL = re.compile(r"([\\{}&%#_^~])")
_TEX_REPLACEMENT = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
_MATH = re.compile(r"(\$[^$]*\$)")


def tex_text(value: str) -> str:
    """Text from outside (an arXiv answer, a list) made inert in BibTeX and LaTeX: specials escaped, ``$...$`` kept.

    Inside math only backslashes are neutralised, so no command (``\\input``, ``\\write``) can run.
    """
    pieces = []
    for index, piece in enumerate(_MATH.split(value)):
        if index % 2:
            pieces.append(piece.replace("\\", " ").replace("{", "").replace("}", ""))
        else:
            pieces.append(_TEX_SPECIAL.sub(lambda match: _TEX_REPLACEMENT.get(match.group(1), "\\" + match.group(1)), piece))
    return "".join(pieces)


def balanced(value: str) -> bool:
    depth = 0
    for index, character in enumerate(value):
        if character in "{}" and index and value[index - 1] == "\\":
            continue
        depth += {"{": 1, "}": -1}.get(character, 0)
        if depth < 0:
            return False
    return depth == 0


BIBKEY_STYLE = re.compile(r"[a-z]+\d{4}[a-z0-9]+")  # first author (or the name), year, first long title word: doe2025alpha


def bibkey_for(lead: str, year: str, title: str, taken: set[str]) -> str:
    """A new key in the catalogue's one style, not in `taken` (which it joins): ``doe2025alpha``, ``doe2025alphab``.

    `lead` is the first author's family name, or the entry's name when the authors are not known yet.
    """
    last = re.sub(r"[^a-z]", "", ascii_text(lead).lower()) or "anon"
    word = next((token for token in (re.sub(r"[^a-z0-9]", "", ascii_text(word).lower()) for word in title.split()) if len(token) > 3), "paper")
    key, suffix = f"{last}{year}{word}", "b"
    while key in taken:
        key, suffix = f"{last}{year}{word}{suffix}", chr(ord(suffix) + 1)
    taken.add(key)
    return key


def ascii_text(text: str) -> str:
    """Accents dropped, other non-ASCII characters removed: `Müller` -> `Muller`."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def format_record(key: str, entry_type: str, fields: dict[str, str]) -> str:
    """One record from plain values, in canonical form; a value with unbalanced braces is escaped, so it cannot close its field."""
    return format_raw_record(key, entry_type, {name: "{" + (value if balanced(value := str(raw)) else tex_text(value)) + "}" for name, raw in fields.items()})


def format_raw_record(key: str, entry_type: str, fields: dict[str, str]) -> str:
    """One record in canonical form from field values as written in the file (braces, quotes, macros, `#`).

    Field order, case and layout are canonical; braced and quoted values are braced with their spaces
    tidied (a blank line inside a value is kept as a paragraph break); a macro such as `jan` or a
    concatenation such as `cvpr # { 2024}` is kept as written, so nothing changes what BibTeX reads.
    """
    rank = {name: index for index, name in enumerate(BIB_FIELD_ORDER)}
    names = sorted(fields, key=lambda name: (rank.get(name.lower(), len(rank)), name.lower()))
    lines = [f"@{entry_type.lower()}{{{key},"]
    for name in names:
        lines.append(f"  {BIB_FIELD_CASE.get(name.lower(), name.lower())} = {canonical_value(fields[name])},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def canonical_value(raw: str) -> str:
    raw = raw.strip()
    inner = raw[1:-1]
    if len(raw) >= 2 and ((raw[0], raw[-1]) == ("{", "}") or ((raw[0], raw[-1]) == ('"', '"') and '"' not in inner.replace('{"}', ""))) and balanced(inner):
        return "{" + _tidy(inner) + "}"
    if raw.isdigit():
        return "{" + raw + "}"
    return " ".join(raw.split())  # a macro or a concatenation: kept as written


def _tidy(text: str) -> str:
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in re.split(r"\n[ \t]*\n", text.strip()))


def append_records(bib_path: Path, records: list[str]) -> None:
    """Add BibTeX records at the end of references.bib, atomically (`fmt` sorts them later)."""
    existing = bib_path.read_text(encoding="utf-8") if bib_path.exists() else ""
    write_text_atomic(bib_path, existing.rstrip("\n") + ("\n\n" if existing.strip() else "") + "\n".join(records))


def bib_authors(names: list[str]) -> str:
    """Display names to BibTeX: ``John Doe`` -> ``Doe, John``; a team name stays braced."""
    converted = []
    for name in names:
        if name == "others":
            converted.append("others")
        elif name.startswith("{") and name.endswith("}"):
            converted.append(name)  # already a braced team name
        elif " " not in name.strip() or name.strip().endswith(("Team", "Group", "Lab")):
            converted.append("{" + name.strip() + "}")
        else:
            *first, last = name.split()
            converted.append(f"{last}, {' '.join(first)}")
    return " and ".join(converted)
