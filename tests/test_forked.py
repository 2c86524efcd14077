"""Reading entry files in two processes gives exactly what one process gives, and survives a child that fails.

Each test runs in a fresh interpreter: forking is refused while other threads run, and earlier tests leave
their local HTTP servers' handler threads behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import ROOT


def run_fresh(code: str, *arguments: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *arguments], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_two_processes_give_the_results_in_order() -> None:
    out = run_fresh("""
        from umm_survey.checks.forked import InTwo, can_fork
        def square(number): return number * number
        assert can_fork(), "two cores and no threads are needed"
        print(InTwo(square, list(range(101)), at_least=1).results() == ([n * n for n in range(101)], 2),
              InTwo(square, list(range(5)), at_least=10).results() == ([0, 1, 4, 9, 16], 1))
    """)
    assert out == "True True"


def test_a_child_that_fails_leaves_its_share_to_this_process() -> None:
    out = run_fresh("""
        import os
        from umm_survey.checks.forked import InTwo
        parent = os.getpid()
        def fails_in_the_child(number):
            if os.getpid() != parent:
                raise RuntimeError("the child breaks")
            return number + 1
        print(InTwo(fails_in_the_child, list(range(40)), at_least=1).results() == (list(range(1, 41)), 1))
    """)
    assert out == "True"


def test_a_catalogue_read_in_two_processes_is_the_one_read_in_one(catalogue_dir: Path) -> None:
    models = catalogue_dir / "models"
    for index in range(30):  # copies of the model, some broken, so that both processes meet problems
        text = (models / "alpha-model.yaml").read_text().replace("name: Alpha", f"name: Alpha {index}")
        (models / f"alpha-copy-{index}.yaml").write_text(text if index % 7 else text.replace("date: 2024-03-05", "date: 2024-02-30"))
    (models / "Bad Name.yaml").write_text((models / "alpha-model.yaml").read_text())
    out = run_fresh("""
        import sys
        from pathlib import Path
        from umm_survey.checks.catalogue import load_catalogue
        one, two = load_catalogue(Path(sys.argv[1]), parallel_from=10**9), load_catalogue(Path(sys.argv[1]), parallel_from=1)
        same_problems = [str(p) for p in two.problems] == [str(p) for p in one.problems]
        shape = lambda catalogue: [(e.id, e.path, e.model, e.source.value_positions, e.source.number_texts) for e in catalogue.entries]
        print(one.processes, two.processes, same_problems, shape(one) == shape(two), len(one.problems) > 30, len(one.entries))
    """, str(catalogue_dir))
    assert out == "1 2 True True True 30"
