"""Component pages (which models use SigLIP, and in which role) and the compare page's data."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from jinja2 import Environment

from umm_survey.link.modelfacts import ATTENTION_LABELS, PART_ROLES
from umm_survey.load.vocab import ComponentKind, Vocabulary

KIND_LABELS = {
    ComponentKind.LANGUAGE_MODEL: "Language models",
    ComponentKind.VISION_ENCODER: "Vision encoders",
    ComponentKind.TOKENIZER: "Image tokenizers",
    ComponentKind.VAE: "VAEs",
    ComponentKind.DIFFUSION_MODEL: "Diffusion models",
}
ROLE_LABELS = dict(PART_ROLES)
COMPARE_METRICS = (("geneval", "overall"), ("dpg-bench", "overall"), ("wise", "wiscore"), ("mmmu", "accuracy"), ("mmbench", "accuracy"), ("mme", "perception"), ("mm-vet", "total"))


def uses_by_component(models: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Component id -> one row per model using it: the model, its roles and how its page shows the name (as the entry writes it); newest first."""
    rows: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for model in models:
        for role, parts in model.get("facts", {}).get("parts", {}).items():
            for part in parts:
                if part["component"]:
                    row = rows[part["component"]].setdefault(model["id"], {"model": model, "roles": [], "shown": []})
                    row["roles"].append(ROLE_LABELS[role])
                    if part["shown"] not in row["shown"]:
                        row["shown"].append(part["shown"])
    return {component: sorted(found.values(), key=lambda row: (row["model"]["date"], row["model"]["id"]), reverse=True) for component, found in rows.items()}


def component_pages(models: list[dict[str, Any]], vocabulary: Vocabulary, environment: Environment) -> dict[str, str]:
    uses = uses_by_component(models)
    template = environment.get_template("component.md.j2")
    entry_of_bibkey = {model["bibkey"]: model["id"] for model in models}
    pages = {
        f"components/{component.id}.md": template.render(component=component, kind_label=KIND_LABELS[component.kind], rows=uses.get(component.id, []), entry=entry_of_bibkey.get(component.bibkey or ""), depth="../")
        for component in vocabulary.components.values()
    }
    sections = []
    for kind, label in KIND_LABELS.items():
        members = sorted((component for component in vocabulary.components.values() if component.kind == kind), key=lambda component: component.name.lower())
        sections.append((label, [(component, len(uses.get(component.id, []))) for component in members]))
    pages["components/index.md"] = environment.get_template("components.md.j2").render(sections=sections, depth="../")
    return pages


def compare_data(models: list[dict[str, Any]], results: list[dict[str, Any]]) -> str:
    """What the compare page shows per model, as JSON: facts and the headline results (own and reproduced)."""
    headline: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for result in results:
        key = (result["benchmark"], result["metric"])
        if key in COMPARE_METRICS and not result["setting"].get("prompt_rewriting"):
            slot = headline[result["model"]].setdefault(f"{result['benchmark_name']} {result['metric_name']}", {})
            kind = "reproduced" if result["source"]["reported_by"] == "reproduced" else "reported"
            best = slot.get(kind)
            better = best is None or (result["value"] > best[0]) == result["higher_is_better"]
            if better:
                slot[kind] = (result["value"], result["printed"])
    rows = []
    for model in models:
        facts = model["facts"]
        rows.append({
            "id": model["id"], "name": model["plain_name"], "date": model["date"], "venue": model["venue"], "family": model["family"],
            "facts": {label: ", ".join(part["shown"] for part in facts["parts"][role]) for role, label in PART_ROLES}
            | {"Attention": ATTENTION_LABELS.get(facts["attention"] or "", ""), "Sizes": facts["size_text"], "Weights": "released" if facts["open_weights"] else "",
               "Licence": facts["licence"]["id"] if facts["licence"] else "", "Organisation": "; ".join(facts["organisation"])},
            "results": {name: {kind: printed for kind, (_value, printed) in slot.items()} for name, slot in sorted(headline.get(model["id"], {}).items())},
        })
    return json.dumps({"models": rows}, ensure_ascii=False, separators=(",", ":")) + "\n"
