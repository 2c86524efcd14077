"""Vocabularies kept in their own files: the taxonomy, the venues, the model components and the licences."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from umm_survey.load.yamlload import MAX_FILE_BYTES, load_yaml_file
from umm_survey.problems import Problem
from umm_survey.schema import HttpUrl, Kind, StrictModel

VENUE = re.compile(r"^(?P<name>.+) (?P<year>(19|20)\d\d)$")


class FamilyStyle(StrictModel):
    """An architecture family as charts and tables show it: label, colour and marker shape (so colour is never the only cue)."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Stable id that model groups name in `family`.", examples=["diffusion"])
    label: str = Field(description="Name shown in legends, tables and filters.", examples=["Hybrid AR + diffusion"])
    colour: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$", description="Chart colour, `#rrggbb` (the Okabe-Ito palette reads for most colour-vision deficiencies).", examples=["#0072B2"])
    shape: Literal["circle", "square", "diamond", "triangle", "down-triangle"] = Field(description="Marker shape in the timeline, statistics and scatter charts.")


class Group(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Stable id that entries use in `groups`.")
    kind: Kind = Field(description="Which kind of entry the group holds.")
    title: str = Field(description="Heading shown on the site and in the README.")
    description: str = Field(description="A short explanation in our own words.")
    order: int = Field(description="Position among its siblings.")
    parent: str | None = Field(None, description="Id of the enclosing group, if any.")
    family: str | None = Field(None, description="For model groups: the id of an architecture family in `families` (inherited by child groups).")
    list_headings: list[str] = Field(default_factory=list, description="Section headings same-topic lists use for this group, for `import` (compared loosely: case, punctuation and small typos). `outer > inner` means the inner heading under the outer one.", examples=[["semantic encoding"], ["mllm ar > pixel encoding"]])


class TaxonomyFile(StrictModel):
    families: list[FamilyStyle] = Field(min_length=1, description="The architecture families, in the order legends and tables list them.")
    groups: list[Group] = Field(min_length=1)


class Venue(StrictModel):
    name: str = Field(description="Short name used in entries, e.g. `CVPR`.")
    full: str = Field(description="Full name, used in BibTeX booktitle or journal.")
    type: str = Field(pattern="^(conference|journal|workshop|online)$", description="online: a release without a paper (a dataset on Hugging Face, say).")


class VenuesFile(StrictModel):
    venues: list[Venue] = Field(min_length=1)


class ComponentKind(str, Enum):
    LANGUAGE_MODEL = "language-model"
    VISION_ENCODER = "vision-encoder"
    TOKENIZER = "tokenizer"
    VAE = "vae"
    DIFFUSION_MODEL = "diffusion-model"


class Component(StrictModel):
    """A part models are built from: a language model, an image encoder, a tokenizer, a VAE, a diffusion model."""

    id: str = Field(pattern=r"^[a-z0-9]+([-.][a-z0-9]+)*$", description="Stable id, used for the component's page.")
    name: str = Field(description="Display name, e.g. `SigLIP`.")
    kind: ComponentKind = Field(description="What sort of part it is.")
    link: HttpUrl | None = Field(None, description="Its paper, repository or model card.")
    bibkey: str | None = Field(None, description="Its record in references.bib, when the catalogue cites it.")
    aliases: list[str] = Field(default_factory=list, description="Other spellings entries may use, e.g. `siglip-so400m-patch14-384`.")


class ComponentsFile(StrictModel):
    components: list[Component] = Field(min_length=1)


class Licence(StrictModel):
    id: str = Field(description="SPDX licence id, e.g. `Apache-2.0`, or `custom`.")
    name: str = Field(description="Full name.")
    permissive: bool = Field(description="True for OSI-approved licences and Creative Commons licences without a non-commercial clause.")


class LicencesFile(StrictModel):
    licences: list[Licence] = Field(min_length=1)


class ScatterAxis(StrictModel):
    benchmark: str = Field(description="Id of a benchmark entry.", examples=["mmmu"])
    metric: str = Field(description="Id of one of that benchmark's metrics.", examples=["accuracy"])
    skip_splits: list[str] = Field(default_factory=list, description="Results with these splits are not plotted (for example MMBench's Chinese split).", examples=[["cn"]])


class Scatter(StrictModel):
    understanding: list[ScatterAxis] = Field(min_length=1, description="Benchmarks a reader may put across; the first is shown first.")
    generation: list[ScatterAxis] = Field(min_length=1, description="Benchmarks a reader may put up; the first is shown first.")


class ChartsFile(StrictModel):
    scatter: Scatter = Field(description="The understanding-against-generation chart on the leaderboards page.")


def component_key(name: str) -> str:
    """What two spellings of one component share: lower case, letters, digits, `.` and `+` only."""
    return re.sub(r"[^a-z0-9.+]", "", name.lower())


@dataclass
class Vocabulary:
    groups: dict[str, Group] = field(default_factory=dict)
    families: dict[str, FamilyStyle] = field(default_factory=dict)  # in the taxonomy's order
    venues: dict[str, Venue] = field(default_factory=dict)
    components: dict[str, Component] = field(default_factory=dict)
    component_keys: dict[str, str] = field(default_factory=dict)  # component_key(spelling) -> component id
    licences: dict[str, Licence] = field(default_factory=dict)
    scatter: Scatter | None = None
    scatter_positions: Any = None  # where charts.yaml's fields are, for located problems
    unreadable: set[str] = field(default_factory=set)  # vocabulary files present but not loaded (their problems are reported)

    def component(self, name: str) -> Component | None:
        """The component an entry names, by id, display name or alias."""
        found = self.component_keys.get(component_key(name))
        return self.components[found] if found else None

    def component_hint(self, name: str) -> str:
        close = difflib.get_close_matches(component_key(name), list(self.component_keys), n=1, cutoff=0.7)
        return f"; did you mean `{self.components[self.component_keys[close[0]]].name}`?" if close else "; add it to components.yaml (or an alias to an existing one)"

    def children(self, group_id: str | None) -> list[Group]:
        found = [group for group in self.groups.values() if group.parent == group_id]
        return sorted(found, key=lambda group: group.order)

    def walk(self, kind: Kind | None = None) -> list[tuple[int, Group]]:
        """Every group with its depth (0 at the top), parents before children, depth-first in `order`.

        With `kind`, groups of another kind are skipped together with everything under them.
        """
        walked: list[tuple[int, Group]] = []

        def visit(group_id: str | None, depth: int) -> None:
            for group in self.children(group_id):
                if kind is None or group.kind == kind:
                    walked.append((depth, group))
                    visit(group.id, depth + 1)

        visit(None, 0)
        return walked

    def is_leaf(self, group_id: str) -> bool:
        return not any(group.parent == group_id for group in self.groups.values())

    def path(self, group_id: str) -> list[Group]:
        """The group and its ancestors, outermost first."""
        chain: list[Group] = []
        current = self.groups.get(group_id)
        while current is not None and current not in chain:
            chain.insert(0, current)
            current = self.groups.get(current.parent) if current.parent else None
        return chain

    def family(self, group_id: str) -> str | None:
        for group in reversed(self.path(group_id)):
            if group.family is not None:
                return group.family
        return None

    def split_venue(self, venue: str) -> tuple[Venue, int] | None:
        match = VENUE.fullmatch(venue)
        if not match or match["name"] not in self.venues:
            return None
        return self.venues[match["name"]], int(match["year"])

    def record_fields(self, venue_text: str, date: str) -> tuple[str, dict[str, str]]:
        """The BibTeX type, and the year/booktitle/journal/howpublished fields, that agree with a venue.

        Writers (import, the research tools) use it to make records; UMM411 checks records against it.
        """
        fields = {"year": date[:4]}
        venue = self.split_venue(venue_text)
        if venue is None:
            return "misc", fields
        if venue[0].type == "online":
            return "misc", {**fields, "howpublished": venue[0].full}
        entry_type = "article" if venue[0].type == "journal" else "inproceedings"
        return entry_type, {"year": str(venue[1]), ("journal" if entry_type == "article" else "booktitle"): venue[0].full}


def load_vocabulary(catalogue: Path) -> tuple[Vocabulary, list[Problem]]:
    vocabulary = Vocabulary()
    problems: list[Problem] = []
    taxonomy, positions = load_checked_file(catalogue / "taxonomy.yaml", TaxonomyFile, problems)
    if taxonomy is not None:
        vocabulary.groups = {group.id: group for group in taxonomy.groups}
        vocabulary.families = {family.id: family for family in taxonomy.families}
        problems.extend(_taxonomy_problems(taxonomy, positions, str(catalogue / "taxonomy.yaml")))
    venues, _ = load_checked_file(catalogue / "venues.yaml", VenuesFile, problems)
    if venues is not None:
        vocabulary.venues = {venue.name: venue for venue in venues.venues}
    components, positions = load_checked_file(catalogue / "components.yaml", ComponentsFile, problems, "UMM503", optional=True)
    if components is not None:
        problems.extend(_index_components(vocabulary, components, positions, str(catalogue / "components.yaml")))
    elif _present(catalogue / "components.yaml"):
        vocabulary.unreadable.add("components")
    licences, _ = load_checked_file(catalogue / "licences.yaml", LicencesFile, problems, "UMM503", optional=True)
    if licences is not None:
        vocabulary.licences = {licence.id: licence for licence in licences.licences}
    elif _present(catalogue / "licences.yaml"):
        vocabulary.unreadable.add("licences")
    charts, positions = load_checked_file(catalogue / "charts.yaml", ChartsFile, problems, "UMM504", optional=True)
    if charts is not None:
        vocabulary.scatter, vocabulary.scatter_positions = charts.scatter, positions
    return vocabulary, problems


def _present(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _index_components(vocabulary: Vocabulary, components: ComponentsFile, loaded, display: str) -> list[Problem]:
    """Fill the component tables; a spelling that two components claim is a problem (it would be ambiguous)."""
    problems = []
    for index, component in enumerate(components.components):
        if component.id in vocabulary.components:
            problems.append(Problem(display, *loaded.position(("components", index, "id")), "UMM503", f"component id `{component.id}` is defined twice", f"components.{index}.id"))
            continue
        vocabulary.components[component.id] = component
        for spelling in (component.id, component.name, *component.aliases):
            owner = vocabulary.component_keys.setdefault(component_key(spelling), component.id)
            if owner != component.id:
                problems.append(Problem(display, *loaded.position(("components", index)), "UMM503", f"`{spelling}` names both `{owner}` and `{component.id}`", f"components.{index}"))
    return problems


def load_checked_file(path: Path, model: type[StrictModel], problems: list[Problem], rule: str = "UMM501", optional: bool = False,
                      display: str | None = None, max_bytes: int = MAX_FILE_BYTES):
    """The validated file and its positions, or (None, None) with the problems added (an optional file may be absent).

    Problems name the file as `display` (default: the path as given)."""
    display = display or str(path)
    absent = not _present(path)
    if optional and absent:
        return None, None
    if not path.is_file():
        problem = "is missing from the catalogue folder" if absent else "is not a file (a folder, or a link that loops or leads nowhere)"
        problems.append(Problem(display, 1, 1, rule, f"{path.name} {problem}"))
        return None, None
    loaded = load_yaml_file(path, display, max_bytes)
    problems.extend(loaded.problems)
    if loaded.data is None:
        return None, None
    try:
        return model.model_validate(loaded.data), loaded
    except ValidationError as error:
        for item in error.errors():
            line, column = loaded.position(tuple(item["loc"]))
            location = ".".join(str(part) for part in item["loc"])
            problems.append(Problem(display, line, column, rule, f"{location}: {item['msg']}", location))
        return None, None


def _taxonomy_problems(taxonomy: TaxonomyFile, loaded, display: str) -> list[Problem]:
    groups = {group.id: group for group in taxonomy.groups}
    families = dict.fromkeys(family.id for family in taxonomy.families)  # in their order, for the message
    problems = []
    seen: set[str] = set()
    for index, group in enumerate(taxonomy.groups):
        where = lambda *field: loaded.position(("groups", index, *field))  # noqa: E731
        parent = groups.get(group.parent) if group.parent else None
        if group.id in seen:
            problems.append(Problem(display, *where("id"), "UMM501", f"group id `{group.id}` is defined twice", f"groups.{index}.id"))
        seen.add(group.id)
        if group.family is not None and group.family not in families:
            problems.append(Problem(display, *where("family"), "UMM501", f"group `{group.id}` names unknown family `{group.family}`; families: {', '.join(families)}", f"groups.{index}.family"))
        if group.parent and parent is None:
            problems.append(Problem(display, *where("parent"), "UMM501", f"group `{group.id}` has unknown parent `{group.parent}`", f"groups.{index}.parent"))
        elif parent is not None and parent.kind != group.kind:
            problems.append(Problem(display, *where("parent"), "UMM501", f"group `{group.id}` is a {group.kind.value} group under a {parent.kind.value} group", f"groups.{index}.parent"))
        elif _in_cycle(group, groups):
            problems.append(Problem(display, *where("parent"), "UMM501", f"group `{group.id}` is its own ancestor (parents form a cycle); its entries would vanish from every page", f"groups.{index}.parent"))
    return problems


def _in_cycle(group: Group, groups: dict[str, Group]) -> bool:
    seen = {group.id}
    current = groups.get(group.parent) if group.parent else None
    while current is not None:
        if current.id in seen:
            return current.id == group.id
        seen.add(current.id)
        current = groups.get(current.parent) if current.parent else None
    return False
