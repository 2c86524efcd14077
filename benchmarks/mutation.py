"""Mutation testing with mutmut over the modules whose mistakes would hurt most; reports the survivors.

    .venv/bin/python -m pip install mutmut
    .venv/bin/python benchmarks/mutation.py [MODULE_GLOB ...]   # default: every module in [tool.mutmut]

The modules and the test command are in pyproject.toml's [tool.mutmut] (text.py, atomic.py, net.py,
checks/, leaderboards.py; the code tests without the browser ones). mutmut works in ./mutants/ (ignored by
git; this script removes it only when it made it). Each surviving mutant is a change to the code that no
test noticed: the summary lists them by module, and `mutmut show NAME` prints one. It takes a long time
(minutes per module on two cores); it is a measurement, never part of CI. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).with_name("mutmut")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="mutant name globs such as 'umm_survey.render.text*' (default: all configured)")
    parser.add_argument("--keep", action="store_true", help="keep ./mutants/ for `mutmut show` and `mutmut browse`")
    parser.add_argument("--children", type=int, default=2 * (os.cpu_count() or 1),
                        help="mutants tested at once (default: twice the cores, since network mutants mostly wait for timeouts)")
    args = parser.parse_args(argv)
    if not MUTMUT.exists():
        parser.error("mutmut is not installed in this environment: .venv/bin/python -m pip install mutmut")
    made = not (ROOT / "mutants").exists()
    started = time.perf_counter()
    run = subprocess.run([str(MUTMUT), "run", "--max-children", str(args.children), *args.modules], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if run.returncode != 0:
        print(run.stdout[-2000:], run.stderr[-4000:], sep="\n", file=sys.stderr)
        return 1
    results = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True).stdout
    statuses: Counter = Counter()
    survivors: list[str] = []
    for line in results.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        statuses[status] += 1
        if status == "survived":
            survivors.append(name)
    checked = {status: count for status, count in statuses.items() if status != "not checked"}
    print(f"{sum(checked.values())} mutants run in {seconds:.0f} s: " + ", ".join(f"{count} {status}" for status, count in sorted(checked.items(), key=lambda item: -item[1])))
    by_module = Counter(name.rsplit(".x_", 1)[0] for name in survivors)
    for module, count in sorted(by_module.items()):
        print(f"  survived in {module}: {count}")
    for name in survivors:
        print(f"    {name}")
    if made and not args.keep:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
