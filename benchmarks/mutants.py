"""The review's hand-made mutants, each applied alone to a copy of the source; the tests that should notice run.

    .venv/bin/python benchmarks/mutants.py [--list] [NAME ...]

For each mutant: the file, the exact text replaced, and the test files to run. A mutant that the tests
do not kill is printed as SURVIVED and the script exits 1. The source is restored after each run (the
copy is made in memory; a killed run or Ctrl-C puts the original back). Runs take about a minute each.
For a broad run over whole modules, see benchmarks/mutation.py (mutmut).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "umm_survey"

# name: (file, original text, mutated text, tests that must kill it)
MUTANTS = {
    "retry-after-uncapped": ("network/net.py", "return None if value is None else min(value, self.max_retry_after)", "return value", ["tests/test_net.py", "tests/test_new.py", "tests/test_check_links.py"]),
    "swap-without-restore": ("publish/atomic.py", "        if old.exists() and not target.exists():\n            os.replace(old, target)\n", "", ["tests/test_hardening.py"]),
    "math-unescaped": ("render/text.py", 'pieces.append(f"<{tag}>{escape(latex_to_text(body))}</{tag}>")', 'pieces.append(f"<{tag}>{latex_to_text(body)}</{tag}>")', ["tests/test_hardening.py"]),
    "lower-is-better-ranked-high-first": ("render/leaderboards.py", '-cell["value"] if lead["higher_is_better"] else cell["value"]', 'cell["value"] if lead["higher_is_better"] else -cell["value"]', ["tests/test_results_site.py"]),
    "metric-minimum-ignored": ("checks/results.py", "(metric.min is not None and result.value < metric.min) or ", "", ["tests/test_rules.py"]),
    "annotation-properties-unescaped": ("report.py", 'return _escape_data(str(value)).replace(":", "%3A").replace(",", "%2C")', "return _escape_data(str(value))", ["tests/test_cli.py"]),
    "taxonomy-parent-kind-unchecked": ("load/vocab.py", "elif parent is not None and parent.kind != group.kind:", "elif False:", ["tests/test_rules.py"]),
    "request-deadline-ignored": ("network/net.py", "body = read_limited(response, settings.max_body_bytes, deadline)", "body = read_limited(response, settings.max_body_bytes, None)", ["tests/test_net.py", "tests/test_new.py", "tests/test_check_links.py"]),
}


def run(name: str) -> tuple[bool, float]:
    relative, original, mutated, tests = MUTANTS[name]
    path = SRC / relative
    source = path.read_text(encoding="utf-8")
    if source.count(original) != 1:
        raise SystemExit(f"{name}: the text to mutate is not found once in {relative}; update the mutant")
    started = time.perf_counter()
    try:
        path.write_text(source.replace(original, mutated), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not browser", *tests], cwd=ROOT, capture_output=True, text=True)
    finally:
        path.write_text(source, encoding="utf-8")
    return result.returncode != 0, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="mutants to run (default: all; --list shows them)")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    args = parser.parse_args(argv)
    if args.list:
        for name, (relative, *_rest, tests) in MUTANTS.items():
            print(f"{name}\t{relative}\t{' '.join(tests)}")
        return 0
    unknown = [name for name in args.names if name not in MUTANTS]
    if unknown:
        parser.error(f"unknown mutant {', '.join(unknown)}; --list shows them")
    survivors = []
    for name in args.names or list(MUTANTS):
        killed, seconds = run(name)
        print(f"{'killed  ' if killed else 'SURVIVED'} {name} ({seconds:.0f} s)", flush=True)
        if not killed:
            survivors.append(name)
    print(f"{len(survivors)} of {len(args.names or MUTANTS)} mutants survived" + (f": {', '.join(survivors)}" if survivors else ""))
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
