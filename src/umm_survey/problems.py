"""Problems found in the catalogue, and the stable rule ids that name them.

Every check reports a :class:`Problem`; nothing raises.  Rule ids never change
meaning once published: retire an id rather than reuse it.  ``docs/rules.md``
is generated from :data:`RULES` (``umm-survey rules``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    id: str
    slug: str
    severity: Severity
    summary: str


def _rules(*rules: Rule) -> dict[str, Rule]:
    return {rule.id: rule for rule in rules}


E, W = Severity.ERROR, Severity.WARNING

RULES: dict[str, Rule] = _rules(
    # 1xx: the file itself and its YAML
    Rule("UMM101", "yaml-syntax", E, "the file is not valid YAML"),
    Rule("UMM102", "duplicate-key", E, "a key appears twice in one mapping"),
    Rule("UMM103", "tab-character", E, "a tab character is used (YAML indents with spaces)"),
    Rule("UMM104", "not-utf8", E, "the file contains bytes that are not UTF-8"),
    Rule("UMM105", "empty-file", E, "the file is empty"),
    Rule("UMM106", "not-a-mapping", E, "the document is not a mapping of keys to values"),
    Rule("UMM107", "anchor-alias", E, "YAML anchors and aliases are not allowed"),
    Rule("UMM108", "file-too-large", E, "the file is larger than the size limit and was not read"),
    Rule("UMM109", "stray-file", W, "a file in the catalogue folders is not a .yaml entry"),
    Rule("UMM110", "control-character", E, "a text holds a control character (U+0000-U+001F other than newline, U+007F-U+009F)"),
    # 2xx: one entry against the schema
    Rule("UMM201", "missing-field", E, "a required field is missing"),
    Rule("UMM202", "unknown-field", E, "a field that the schema does not define"),
    Rule("UMM203", "wrong-type", E, "a field has a value of the wrong type or form"),
    Rule("UMM204", "invalid-date", E, "a date that is not a real YYYY-MM-DD date"),
    Rule("UMM205", "future-date", E, "a date in the future"),
    Rule("UMM206", "bad-url", E, "a link that is not an absolute http(s) URL"),
    Rule("UMM207", "bad-arxiv-id", E, "an arXiv id that is not of the form 2501.17811"),
    Rule("UMM208", "bad-entry-id", E, "a file name that is not a lower-case kebab-case id"),
    Rule("UMM209", "id-mismatch", E, "an `id` field that differs from the file name"),
    Rule("UMM210", "unknown-group", E, "a group id that the taxonomy does not define"),
    Rule("UMM211", "group-kind", E, "a group of another kind (a dataset group on a model, say)"),
    Rule("UMM212", "unknown-venue", E, "a venue that is neither `arXiv` nor a known venue with its year"),
    Rule("UMM213", "todo-marker", E, "a field still holds a TODO placeholder"),
    Rule("UMM214", "non-leaf-group", E, "an entry names a group that has subgroups (entries belong in leaf groups)"),
    Rule("UMM215", "unknown-component", E, "an architecture part that components.yaml does not name"),
    Rule("UMM216", "bad-size", E, "a model size that is not a positive number of parameters"),
    Rule("UMM217", "bad-attention", E, "an attention mask outside the documented values"),
    Rule("UMM218", "unknown-licence", E, "a licence that licences.yaml does not name, or `custom` without `licence_url`"),
    Rule("UMM219", "code-without-weights", W, "a model with released code but neither weights nor a licence (nor `not_stated` saying so)"),
    Rule("UMM220", "fact-given-and-marked", E, "a fact given and also listed in `not_stated`, `unchecked` or `not_applicable`, or in two of them"),
    Rule("UMM221", "fact-unaccounted", W, "a model that records some facts leaves another neither given nor marked"),
    # 3xx: entries against each other
    Rule("UMM301", "duplicate-id", E, "two entries share one id"),
    Rule("UMM302", "same-paper", E, "two entries of one kind describe one paper without saying so"),
    Rule("UMM303", "shared-code", W, "entries of different papers link the same code repository"),
    Rule("UMM304", "arxiv-after-date", W, "the arXiv id is from more than a month after the entry's date"),
    Rule("UMM305", "arxiv-long-before-date", W, "the arXiv id is from long before the entry's date"),
    Rule("UMM306", "unknown-reference", E, "a reference to an entry id that does not exist"),
    # 4xx: the bibliography
    Rule("UMM307", "triaged-and-catalogued", E, "an arXiv id is both an entry and a decision in triage.yaml"),
    Rule("UMM308", "correction-disagrees", E, "an entry's field differs from its correction in corrections.yaml, or a correction names no entry"),
    Rule("UMM401", "bib-syntax", E, "a BibTeX record that does not parse"),
    Rule("UMM402", "bib-duplicate-key", E, "two BibTeX records share one key"),
    Rule("UMM403", "bib-missing-field", E, "a BibTeX record lacks a field its type requires"),
    Rule("UMM404", "unknown-bibkey", E, "an entry's bibkey has no record in references.bib"),
    Rule("UMM405", "unused-record", W, "a BibTeX record that no entry uses"),
    Rule("UMM406", "bib-title-mismatch", E, "the record's title differs from the entry's title"),
    Rule("UMM407", "bib-eprint-mismatch", E, "the record's eprint differs from the entry's arXiv id"),
    Rule("UMM408", "bib-year-mismatch", E, "the record's year agrees with neither the date nor the venue"),
    Rule("UMM409", "bib-missing", E, "references.bib is missing or unreadable"),
    Rule("UMM410", "bib-todo", E, "a BibTeX field still holds a TODO placeholder"),
    Rule("UMM411", "bib-venue-mismatch", E, "the record's type, booktitle or journal disagrees with the entry's venue"),
    # 6xx: results (catalogue/results/<model>.yaml)
    Rule("UMM412", "bib-tex-primitive", E, "a BibTeX field uses a TeX primitive that reads or writes files or redefines TeX"),
    Rule("UMM601", "unknown-model", E, "a results file names a model that is not a model entry"),
    Rule("UMM602", "unknown-benchmark", E, "a result names a benchmark that is not a benchmark entry"),
    Rule("UMM603", "unknown-metric", E, "a result names a metric that its benchmark does not define"),
    Rule("UMM604", "value-out-of-range", E, "a value outside the metric's range"),
    Rule("UMM605", "unknown-source", E, "a result's source bibkey has no record in references.bib"),
    Rule("UMM606", "repeated-result", E, "the same model, benchmark, metric and setting twice"),
    Rule("UMM607", "results-file-name", E, "a results file whose name is not its model's id"),
    Rule("UMM608", "as-printed-mismatch", E, "`as_printed` is not a number, or not the value on a scale ten, a hundred or a thousand times larger or smaller"),
    # 5xx: the taxonomy and vocabularies
    Rule("UMM501", "taxonomy-invalid", E, "taxonomy.yaml or venues.yaml does not match its schema"),
    Rule("UMM503", "components-invalid", E, "components.yaml or licences.yaml does not match its schema, or names one spelling twice"),
    Rule("UMM502", "triage-invalid", E, "triage.yaml does not match its schema, or triages an id twice"),
    Rule("UMM505", "sources-invalid", E, "sources.yaml (where discover looks) does not match its schema"),
    Rule("UMM504", "charts-invalid", E, "charts.yaml does not match its schema, or names a benchmark or metric the catalogue lacks"),
)


@dataclass(frozen=True)
class Problem:
    """One finding: where it is, which rule, and what to do about it."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    field: str = ""

    @property
    def severity(self) -> Severity:
        return RULES[self.rule].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.is_error for problem in problems)
