"""The entry schema: one pydantic model per kind of entry.

Every field carries a description; ``umm-survey schema`` turns these models
into JSON Schema files that editors use for completion and hover help.
Validators raise ``PydanticCustomError`` with a ``umm_*`` type so that
:mod:`umm_survey.checks.entry` can map each failure to a stable rule id.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Literal, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StrictBool, StrictInt, Tag
from pydantic_core import PydanticCustomError

ARXIV_NEW = re.compile(r"^(?P<yy>\d{2})(?P<mm>0[1-9]|1[0-2])\.\d{4,5}$")
ARXIV_OLD = re.compile(r"^[a-z-]+(\.[A-Z]{2})?/\d{7}$")
ENTRY_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TODO = re.compile(r"\bTODO\b")


class Kind(str, Enum):
    MODEL = "model"
    DATASET = "dataset"
    BENCHMARK = "benchmark"
    APPLICATION = "application"

    @property
    def folder(self) -> str:
        return f"{self.value}s"


class Modality(str, Enum):
    TEXT = "text"
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    SPEECH = "speech"
    THREE_D = "3d"
    ACTION = "action"


WHITE_SPACE = re.compile(r"\s")  # the characters str.isspace() accepts
# an http(s) link whose host is plain ASCII: urlsplit accepts it (scheme http or https, a host), so it need not run
PLAIN_HTTP_URL = re.compile(r"(?i:https?)://[A-Za-z0-9.\-_~%!$&'()*+,;=:@]+(?:[/?#][\x21-\x7e]*)?")


def is_absolute_http(value: str) -> bool:
    """urlsplit's reading: an http or https scheme and a host (ValueError for a malformed host)."""
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def _http_url(value: str) -> str:
    if WHITE_SPACE.search(value):
        raise PydanticCustomError("umm_bad_url", "a URL cannot contain spaces")
    if not PLAIN_HTTP_URL.fullmatch(value) and not is_absolute_http(value):
        raise PydanticCustomError(
            "umm_bad_url", "{value} is not an absolute http(s) URL; write it as https://host/path", {"value": repr(value)}
        )
    return value


def _arxiv_id(value: str) -> str:
    if not (ARXIV_NEW.fullmatch(value) or ARXIV_OLD.fullmatch(value)):
        raise PydanticCustomError(
            "umm_bad_arxiv", "{value} is not a bare arXiv id such as 2501.17811 (no URL, no version)", {"value": repr(value)}
        )
    return value


def _real_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("umm_empty", "must not be empty")
    return value


def _date_text(value: object) -> object:
    """Only YYYY-MM-DD text (or a date): pydantic would read a number as a Unix timestamp."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise PydanticCustomError("date_type", "not a date")
    return value


Text = Annotated[str, AfterValidator(_real_text)]
Date = Annotated[dt.date, BeforeValidator(_date_text)]
HttpUrl = Annotated[str, AfterValidator(_http_url), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})]
ArxivId = Annotated[str, AfterValidator(_arxiv_id), Field(examples=["2501.17811"])]
EntryId = Annotated[str, Field(pattern=ENTRY_ID.pattern)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, use_enum_values=False, allow_inf_nan=False)


LINK_FIELDS = ("paper", "code", "demo", "project", "data")  # an entry's links, in the order pages list them


class Entry(StrictModel):
    """Fields shared by every kind of entry."""

    id: EntryId | None = Field(None, description="The entry id. Optional: the file name is the id; if given, it must equal the file name.")
    name: Text = Field(description="Short name as the authors use it, e.g. `Janus-Pro`. LaTeX such as `UniCode$^2$` is allowed.")
    title: Text = Field(description="The paper's full title, exactly as on arXiv or in the proceedings.")
    date: Date = Field(description="First public release (usually arXiv v1), as YYYY-MM-DD.")
    venue: Text = Field(description="`arXiv` for a preprint, otherwise a venue from venues.yaml with its year, e.g. `CVPR 2025`.")
    groups: list[str] = Field(min_length=1, description="Taxonomy group ids (see taxonomy.yaml) this entry belongs to.")
    bibkey: Text = Field(description="Key of this paper's record in references.bib, e.g. `chen2025janus`.")
    arxiv: ArxivId | None = Field(None, description="Bare arXiv id without version, e.g. `2501.17811`.")
    paper: HttpUrl | None = Field(None, description="Link to the paper when it is not (only) on arXiv.")
    code: HttpUrl | None = Field(None, description="Official code repository.")
    demo: HttpUrl | None = Field(None, description="Public demo.")
    project: HttpUrl | None = Field(None, description="Project page.")
    summary: Text | None = Field(None, description="One or two sentences, in our own words, on what the work is.")
    series: EntryId | None = Field(None, description="Model family this entry belongs to, e.g. `janus` for Janus, JanusFlow and Janus-Pro.")
    same_paper_as: list[EntryId] = Field(default_factory=list, description="Ids of other entries of the same kind that come from the same paper.")


PARAMETER_TEXT = re.compile(r"(?P<number>\d+(\.\d+)?)(?P<unit>[KMBT])")
PARAMETER_UNITS = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}


def parameter_count(value: float | int | str) -> float:
    """A size as a plain number of parameters: 7e9, 7000000000 and `7B` are all 7e9."""
    if isinstance(value, str):
        match = PARAMETER_TEXT.fullmatch(value)
        return float(match["number"]) * PARAMETER_UNITS[match["unit"]] if match else float("nan")
    return float(value)


def _parameters(value: object) -> object:
    """A positive number of parameters, or text such as `7B` (units K, M, B, T); never a boolean."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 and value == value and value != float("inf")
    if ok or (isinstance(value, str) and PARAMETER_TEXT.fullmatch(value)):
        return value
    raise PydanticCustomError(
        "umm_bad_size", "{value} is not a number of parameters; write a positive number such as 7e9 or 1.5e9, or text such as `7B`", {"value": repr(value)}
    )


Parameters = Annotated[float | int | str, BeforeValidator(_parameters), Field(examples=[7e9, "1.5B"])]


class Attention(str, Enum):
    """The attention mask a model uses while it generates an image."""

    CAUSAL = "causal"
    BIDIRECTIONAL = "bidirectional"
    CAUSAL_TEXT_FULL_IMAGE = "causal-text-full-image"
    BLOCK_CAUSAL = "block-causal"


def _attention(value: object) -> object:
    if isinstance(value, str) and value not in {item.value for item in Attention}:
        choices = ", ".join(f"`{item.value}`" for item in Attention)
        raise PydanticCustomError("umm_bad_attention", "{value} is not an attention mask this catalogue documents; use one of " + choices, {"value": repr(value)})
    return value


class MixtureSize(StrictModel):
    """The size of a mixture-of-experts model: all its parameters, and those used per token."""

    total: Parameters = Field(description="All parameters, e.g. 14e9.")
    active: Parameters = Field(description="Parameters active per token, e.g. 7e9.")


UNION_TAGS = frozenset({"parameters", "mixture"})  # pydantic's names for the branches of a size; not field names
SizeItem = Annotated[
    Annotated[Parameters, Tag("parameters")] | Annotated[MixtureSize, Tag("mixture")],
    Discriminator(lambda value: "mixture" if isinstance(value, (dict, MixtureSize)) else "parameters"),
]

ComponentName = Annotated[Text, Field(description="A component from components.yaml, by id, name or alias.", examples=["SigLIP-SO400M/14-384", "qwen2.5"])]


class Architecture(StrictModel):
    """How the model is built (the survey's Table 1): every part named from components.yaml."""

    backbone: ComponentName | None = Field(None, description="The language model (for a diffusion model, its diffusion backbone), e.g. `Qwen2.5-7B`.")
    understanding_encoder: list[ComponentName] = Field(default_factory=list, description="What encodes an image for understanding, e.g. `[SigLIP-SO400M/14-384]`.")
    generation_encoder: list[ComponentName] = Field(default_factory=list, description="What turns an image into the model's generation target: a VQ tokenizer, a VAE, a semantic encoder.")
    generation_decoder: ComponentName | None = Field(None, description="What turns the model's output into pixels: a VQ decoder, a VAE decoder, or a diffusion model such as SDXL.")
    attention: Annotated[Attention | None, BeforeValidator(_attention)] = Field(
        None, description="Mask used when generating images: `causal`, `bidirectional`, `causal-text-full-image` (causal across the sequence, full attention within each image), or `block-causal` (full attention within each block of tokens, causal across blocks, as in block diffusion)."
    )


PartName = Literal["backbone", "understanding_encoder", "generation_encoder", "generation_decoder", "attention"]
PART_NAMES: tuple[str, ...] = get_args(PartName)
FactName = Literal[PartName, "sizes", "weights", "licence", "organisation"]
FACT_NAMES: tuple[str, ...] = get_args(FactName)
FACT_MARKS = ("not_stated", "unchecked", "not_applicable")  # a model's lists of facts it lacks, and why


class FactSources(StrictModel):
    """Where each model fact was read: a section, table or model card."""

    backbone: Text | None = Field(None, description="e.g. `paper Sec. 3.1`.")
    understanding_encoder: Text | None = None
    generation_encoder: Text | None = None
    generation_decoder: Text | None = None
    attention: Text | None = None
    sizes: Text | None = Field(None, description="e.g. `model card`.")
    weights: Text | None = None
    licence: Text | None = Field(None, description="e.g. `repository LICENSE file`.")
    organisation: Text | None = Field(None, description="e.g. `paper, author affiliations`.")


class Model(Entry):
    """A unified model that understands and generates (text and images, or more)."""

    inputs: list[Modality] = Field(min_length=1, description="Modalities the model accepts.")
    outputs: list[Modality] = Field(min_length=1, description="Modalities the model produces.")
    architecture: Architecture | None = Field(None, description="Backbone, encoders, decoder and attention mask, as the paper describes them.")
    sizes: list[SizeItem] = Field(default_factory=list, description="Released model sizes in parameters (`[1.5e9, 7e9]`); a mixture-of-experts model gives `{total: .., active: ..}`.")
    weights: list[HttpUrl] = Field(default_factory=list, description="Links to the released checkpoints, e.g. Hugging Face model pages.")
    licence: Text | None = Field(None, description="Licence of the released weights and code: an SPDX id from licences.yaml (`MIT`, `Apache-2.0`), or `custom` with `licence_url`.", examples=["MIT"])
    licence_url: HttpUrl | None = Field(None, description="The licence text, needed when `licence` is `custom`.")
    organisation: list[Text] = Field(default_factory=list, description="The labs and companies named on the paper.")
    fact_sources: FactSources | None = Field(None, description="Where each fact above was read, where it is not in the abstract.")
    not_stated: list[FactName] = Field(default_factory=list, description="Facts the paper and the official release do not give (checked and left out, not forgotten).")
    unchecked: list[FactName] = Field(default_factory=list, description="Facts not checked yet against the paper or the official release (not read for them yet, or their text could not be read); shown as such, not as absent.")
    not_applicable: list[PartName] = Field(
        default_factory=list,
        description="Architecture parts the model does not have: no generation encoder when it writes a text prompt for a separate image generator, no backbone for a tokenizer, no image-generation parts for a model that outputs no images.",
        examples=[["generation_encoder"]],
    )
    fact_note: Text | None = Field(None, description="For a reader: how a fact should be read, or why it differs from the survey's Table 1.")


# a model's fact fields: everything a model adds to an entry beyond what it takes in and puts out
MODEL_FACT_FIELDS = tuple(name for name in Model.model_fields if name not in Entry.model_fields and name not in {"inputs", "outputs"})


class Dataset(Entry):
    """A training or evaluation dataset."""

    size: StrictInt | None = Field(None, gt=0, description="Number of samples, as a plain number: 1.2M is 1200000. Left out until the paper's own count is read.")
    sample: Text | None = Field(None, description="What one sample is, e.g. `image-caption pair`. Left out until read from the paper.")
    data: HttpUrl | None = Field(None, description="Where the data can be downloaded.")


class Metric(StrictModel):
    """A score the benchmark reports."""

    id: EntryId = Field(description="Short id of the metric, e.g. `overall`.")
    name: Text = Field(description="The metric as the benchmark names it.")
    higher_is_better: StrictBool = Field(description="True when a higher value is better.")
    min: float | None = Field(None, description="Lowest possible value, if bounded.")
    max: float | None = Field(None, description="Highest possible value, if bounded.")


class Benchmark(Entry):
    """A benchmark that models are judged on."""

    task: Text | None = Field(None, description="What the benchmark tests, in a few words.")
    metrics: list[Metric] = Field(default_factory=list, description="The metrics it reports (needed before results can name it; left out until read from the paper).")


class Application(Entry):
    """A work that applies or studies unified models."""


SCHEMAS: dict[Kind, type[Entry]] = {
    Kind.MODEL: Model,
    Kind.DATASET: Dataset,
    Kind.BENCHMARK: Benchmark,
    Kind.APPLICATION: Application,
}


class Setting(StrictModel):
    """Conditions a number was measured under; two results differ only if their settings differ."""

    size: SizeItem | None = Field(
        None, description="Parameters of the model measured, in the model facts' vocabulary: `7B`, `1.5e9`, or `{total: 16B, active: 3B}` for a mixture of experts; a system of two models gives their sum and names the parts in `variant`.",
        examples=["7B", {"total": "16B", "active": "3B"}],
    )
    variant: Text | None = Field(None, description="The row as the paper names it when that says more than the size, e.g. `Janus-Pro-7B`, `LaViDa-O + Planning`, `7B + 2B`.")
    resolution: StrictInt | None = Field(None, gt=0, description="Image resolution in pixels, e.g. 384.")
    prompt_rewriting: StrictBool | None = Field(None, description="True when prompts were rewritten by a language model (GenEval, DPG-Bench).")
    split: str | None = Field(None, description="Benchmark split, e.g. `val` or `en-dev`.")
    judge: str | None = Field(None, description="Judge model for model-graded benchmarks, e.g. `GPT-4.1`.")
    note: str | None = Field(None, description="Anything else a reader needs to read the number, in plain words (not a curator's reminder).")


class ResultSource(StrictModel):
    bibkey: Text = Field(description="The paper the number comes from (a key in references.bib).")
    table: Text = Field(description="Where in that paper: `Table 3`, `Figure 1`.")
    reported_by: Literal["own", "third-party", "reproduced"] = Field(
        description="`own`: the model's own paper; `third-party`: another paper quoting a number; `reproduced`: an independent re-evaluation that ran the model itself (the source names who)."
    )


class Result(StrictModel):
    """One reported number."""

    benchmark: EntryId = Field(description="Id of a benchmark entry.")
    metric: EntryId = Field(description="Id of a metric that the benchmark defines.")
    value: float = Field(description="The number as reported, on the metric's scale.")
    as_printed: Text | None = Field(
        None,
        description="The number as its source printed it, when the source used another scale than the metric's: `0.340` for a value of 34.0 on a 0-100 metric, or `34.0%` for 0.34.",
        examples=["0.340"],
    )
    setting: Setting = Field(default_factory=Setting, description="Model size, resolution, prompt rewriting and the like.")
    source: ResultSource = Field(description="Where the number was reported.")


class ResultsFile(StrictModel):
    """All reported results of one model: catalogue/results/<model id>.yaml."""

    model: EntryId = Field(description="Id of the model entry; the file is named after it.")
    results: list[Result] = Field(min_length=1, description="The reported numbers.")
