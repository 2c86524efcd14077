"""Checks on one entry file: its name, its schema, its groups, venue and dates."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from umm_survey.checks import facts
from umm_survey.load.entries import LoadedEntry, Located, RawEntry
from umm_survey.load.vocab import Vocabulary
from umm_survey.load.yamlload import FieldPath, LoadedYaml, load_yaml_file
from umm_survey.problems import Problem
from umm_survey.schema import ENTRY_ID, SCHEMAS, TODO, UNION_TAGS, Kind

# pydantic error types, and our own ``umm_*`` ones, mapped to rule ids
ERROR_RULES = {
    "missing": "UMM201",
    "extra_forbidden": "UMM202",
    "date_from_datetime_parsing": "UMM204",
    "date_parsing": "UMM204",
    "date_from_datetime_inexact": "UMM204",
    "date_type": "UMM204",
    "umm_bad_url": "UMM206",
    "umm_bad_arxiv": "UMM207",
    "umm_bad_size": "UMM216",
    "umm_bad_attention": "UMM217",
}


def check_entry_file(path: Path, display: str, kind: Kind, vocabulary: Vocabulary, today: date) -> tuple[LoadedEntry | None, list[Problem], str | None]:
    """The entry if it passes the schema, every problem, and the bibkey it names (even when invalid)."""
    entry_id = path.stem
    problems: list[Problem] = []
    if not ENTRY_ID.fullmatch(entry_id):
        problems.append(Problem(display, 1, 1, "UMM208", f"file name `{path.name}` is not a lower-case kebab-case id such as `janus-pro.yaml`"))
    loaded = load_yaml_file(path, display)
    problems.extend(loaded.problems)
    if loaded.data is None:
        return None, problems, None
    bibkey = loaded.data.get("bibkey")
    bibkey = bibkey if isinstance(bibkey, str) else None
    located = RawEntry(display, loaded, kind)
    problems.extend(_raw_problems(located, vocabulary))
    try:
        model = SCHEMAS[kind].model_validate(loaded.data)
    except ValidationError as error:
        problems.extend(schema_problems(error, loaded, display, f"a {kind.value}", list(SCHEMAS[kind].model_fields)))
        return None, problems, bibkey
    entry = LoadedEntry(entry_id, kind, display, model, loaded)
    problems.extend(_field_problems(entry, today))
    return entry, problems, bibkey


def schema_problems(error: ValidationError, loaded: LoadedYaml, display: str, label: str, known_fields: list[str]) -> list[Problem]:
    """pydantic's errors as problems at the line of the field, with a rule id and words a contributor reads."""
    problems = []
    for item in error.errors(include_url=False):
        # union tags sit between a field and its value (`sizes.0.mixture.total`); a top-level field of that name is a field
        location: FieldPath = tuple(part for index, part in enumerate(item["loc"]) if index == 0 or part not in UNION_TAGS)
        rule = ERROR_RULES.get(item["type"], "UMM203")
        field_name = ".".join(str(part) for part in location)
        if rule == "UMM201":
            line, column = loaded.position(location[:-1])
            message = f"`{location[-1]}` is required for {label}"
        elif rule == "UMM202":
            line, column = loaded.position(location, key=True)
            inside = label if len(location) == 1 else "`" + ".".join(str(part) for part in location[:-1]) + "` in " + label
            message = _unknown_field_message(str(location[-1]), inside, known_fields if len(location) == 1 else [])
        else:
            line, column = loaded.position(location)
            message = f"`{field_name}`: {_friendly(item)}"
        problems.append(Problem(display, line, column, rule, message, field_name))
    return problems


def _unknown_field_message(name: str, label: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean `{close[0]}`?" if close else ""
    return f"`{name}` is not a field of {label}{hint}"


def _friendly(item: dict) -> str:
    kind, message = item["type"], item["msg"]
    if kind.startswith("umm_"):
        return message
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type"}:
        return f"{item.get('input')!r} is not a real date; write YYYY-MM-DD"
    if kind == "string_type":
        return f"should be text, got {item.get('input')!r}; put it in quotes"
    if kind in {"list_type", "too_short"}:
        return f"{message[0].lower()}{message[1:]}; write a list such as `[a, b]`"
    return f"{message[0].lower()}{message[1:]}"


def _field_problems(entry: LoadedEntry, today: date) -> list[Problem]:
    model = entry.model
    problems: list[Problem] = []
    if model.id is not None and model.id != entry.id:
        problems.append(entry.problem("UMM209", f"`id` is `{model.id}` but the file name says `{entry.id}`", "id"))
    if model.date > today:
        problems.append(entry.problem("UMM205", f"{model.date.isoformat()} is in the future", "date"))
    return problems


def _raw_problems(entry: RawEntry, vocabulary: Vocabulary) -> list[Problem]:
    """Checks of groups, placeholders and venue that run even when the schema fails elsewhere."""
    data = entry.source.data if isinstance(entry.source.data, dict) else {}
    # a placeholder's letters stay together in the data's repr, so one search there spares most files the walk
    problems = _todo_problems(entry, data, ()) if "TODO" in repr(data) else []
    groups = data.get("groups")
    if isinstance(groups, list):
        problems.extend(_group_problems(entry, groups, vocabulary))
    if entry.kind is Kind.MODEL:
        problems.extend(facts.fact_problems(entry, data, vocabulary))
    venue = data.get("venue")
    if isinstance(venue, str) and venue.strip() and vocabulary.venues and venue != "arXiv" and vocabulary.split_venue(venue) is None:
        problems.append(entry.problem("UMM212", _venue_message(venue, vocabulary), "venue"))
    return problems


def _todo_problems(entry: Located, value: object, path: tuple) -> list[Problem]:
    """Every string still holding a TODO placeholder (drafts from `import` and `new --offline`)."""
    if isinstance(value, dict):
        return [problem for key, item in value.items() for problem in _todo_problems(entry, item, path + (key,))]
    if isinstance(value, list):
        return [problem for index, item in enumerate(value) for problem in _todo_problems(entry, item, path + (index,))]
    if isinstance(value, str) and TODO.search(value) and path[:1] != ("groups",):
        return [entry.problem("UMM213", f"`{'.'.join(map(str, path))}` is still TODO: fill in the real value", *path)]
    return []


def _group_problems(entry: RawEntry, group_ids: list, vocabulary: Vocabulary) -> list[Problem]:
    if not vocabulary.groups:
        return []
    problems = []
    for index, group_id in enumerate(group_ids):
        if not isinstance(group_id, str):
            continue  # the schema reports it
        group = vocabulary.groups.get(group_id)
        if group_id == "TODO":
            problems.append(entry.problem("UMM213", "the group is still TODO: choose one from taxonomy.yaml", "groups", index))
        elif group is None:
            ids = [known.id for known in vocabulary.groups.values() if known.kind == entry.kind]
            close = difflib.get_close_matches(group_id, ids, n=1)
            hint = f"; did you mean `{close[0]}`?" if close else f"; {entry.kind.value} groups are: {', '.join(sorted(ids))}"
            problems.append(entry.problem("UMM210", f"group `{group_id}` is not in taxonomy.yaml{hint}", "groups", index))
        elif group.kind != entry.kind:
            problems.append(entry.problem("UMM211", f"group `{group_id}` holds {group.kind.value}s, but this file is a {entry.kind.value}", "groups", index))
        elif not vocabulary.is_leaf(group_id):
            leaves = ", ".join(child.id for child in vocabulary.children(group_id))
            problems.append(entry.problem("UMM214", f"group `{group_id}` has subgroups; name one of them instead: {leaves}", "groups", index))
    return problems


def _venue_message(venue: str, vocabulary: Vocabulary) -> str:
    names = sorted(vocabulary.venues)
    close = difflib.get_close_matches(venue.rsplit(" ", 1)[0], names, n=1)
    hint = f" (did you mean `{close[0]} <year>`?)" if close else ""
    return f"venue `{venue}` is neither `arXiv` nor a venue from venues.yaml followed by its year, such as `CVPR 2025`{hint}"
