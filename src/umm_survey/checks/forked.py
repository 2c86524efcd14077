"""Apply a function to many items in two processes at once: a forked child takes a share, this one the rest.

Reading and checking 10,000 entry files is most of `validate`, and each file is independent. On a machine
with two or more cores (and fork), a child process checks the first share of the items and sends back
its results pickled, while this process checks the others. The results come back in the items' order,
exactly what one process gives. Anything that goes wrong in the child (it dies, its answer is cut short)
is not an error: this process checks that share itself. With threads running (the live preview), the
work stays in one process, since forking a threaded process is unsafe.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

CHILD_SHARE = 0.5  # the child also pickles its results; this process unpickles them, and does other work meanwhile


def can_fork() -> bool:
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2 and threading.active_count() == 1


class InTwo(Generic[Item, Result]):
    """`[function(item) for item in items]` in two processes: created, it forks the child on its share, so
    that this process can do other work before it calls `results()`, which computes this process's share
    and collects the child's. Below `at_least` items (or where forking is unsafe) it is all done here.

    `pack` turns a result into what the child sends (something cheaper to pickle), `unpack(item, packed)`
    turns it back; the result must be the same as `function(item)`."""

    def __init__(self, function: Callable[[Item], Result], items: Sequence[Item], at_least: int,
                 pack: Callable[[Result], object] | None = None, unpack: Callable[[Item, object], Result] | None = None) -> None:
        self.function, self.items, self.unpack = function, items, unpack
        self.split = int(len(items) * CHILD_SHARE) if len(items) >= at_least and can_fork() else 0
        self.child = _start_child((lambda item: pack(function(item))) if pack else function, items[:self.split]) if self.split else None
        if self.child is None:
            self.split = 0

    def results(self) -> tuple[list[Result], int]:
        """The results in the items' order, and how many processes computed them."""
        own = [self.function(item) for item in self.items[self.split:]]
        if self.child is None:
            return own, 1
        theirs = _child_results(*self.child)
        if theirs is None or len(theirs) != self.split:  # the child failed: this process does its share too
            return [self.function(item) for item in self.items[:self.split]] + own, 1
        if self.unpack:
            theirs = [self.unpack(item, packed) for item, packed in zip(self.items[:self.split], theirs)]
        return theirs + own, 2


def _start_child(function: Callable[[Item], object], items: Sequence[Item]) -> tuple[int, int] | None:
    """Fork a child that computes `items` and writes the pickled results to a pipe: (its pid, the pipe's read end)."""
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: compute, send, and leave without running this process's exit handlers
        status = 1
        try:
            os.close(read_end)
            data = pickle.dumps([function(item) for item in items], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def _child_results(pid: int, read_end: int) -> list | None:
    """The child's results, or None when it did not finish cleanly."""
    try:
        with os.fdopen(read_end, "rb") as incoming:
            data = incoming.read()
    finally:
        _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        return pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, ValueError):
        return None
