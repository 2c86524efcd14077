"""One-off: write catalogue/results/<model>.yaml from the verified numbers in research/results-*.json.

    python research/add_results.py

Fenced: a results file that already exists is never rewritten (the catalogue is the source of truth).
"""

from __future__ import annotations

import io
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fence import retired  # noqa: E402

from umm_survey.authoring.entryfile import yaml_writer  # noqa: E402
from umm_survey.authoring.formatting import SETTING_ORDER, format_results  # noqa: E402
from umm_survey.checks.catalogue import load_catalogue  # noqa: E402
from umm_survey.publish.atomic import write_text_atomic  # noqa: E402


def setting_of(raw: dict) -> dict:
    setting = {key: raw[key] for key in SETTING_ORDER if raw.get(key) not in (None, "")}
    extra = [f"{key}: {value}" for key, value in raw.items() if key not in SETTING_ORDER and value not in (None, "")]
    if extra:
        setting["note"] = "; ".join(filter(None, [setting.get("note"), *extra]))
    return setting


def main() -> int:
    retired(__file__, "the commits that added its notes (git log -- research/add_results.py)")
    catalogue = load_catalogue(ROOT / "catalogue")
    bibkey_of_arxiv = {entry.model.arxiv: entry.model.bibkey for entry in catalogue.entries if entry.model.arxiv}
    per_model: dict[str, list[dict]] = defaultdict(list)
    for path in sorted((ROOT / "research").glob("results-*.json")):
        for row in json.loads(path.read_text()):
            bibkey = bibkey_of_arxiv.get(row["source"]["arxiv"])
            if bibkey is None:
                print(f"no entry for arXiv {row['source']['arxiv']}; skipped {row['model']} {row['benchmark']}", file=sys.stderr)
                continue
            result = {"benchmark": row["benchmark"], "metric": row["metric"], "value": row["value"]}
            setting = setting_of(row.get("setting") or {})
            if setting:
                result["setting"] = setting
            result["source"] = {"bibkey": bibkey, "table": row["source"]["table"], "reported_by": row["source"]["reported_by"]}
            per_model[row["model"]].append(result)
    writer = yaml_writer()
    for model, results in sorted(per_model.items()):
        if (ROOT / "catalogue" / "results" / f"{model}.yaml").exists():
            print(f"catalogue/results/{model}.yaml exists and may hold hand-checked numbers; left as it is", file=sys.stderr)
            continue
        buffer = io.StringIO()
        writer.dump({"model": model, "results": results}, buffer)
        write_text_atomic(ROOT / "catalogue" / "results" / f"{model}.yaml", format_results(buffer.getvalue()))
    print(f"wrote results for {len(per_model)} models, {sum(map(len, per_model.values()))} numbers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
