"""Atomic writes: a file or a folder is replaced whole or not at all."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``.

    A symbolic link is written through (its target is replaced, the link kept); a device or a pipe
    such as ``/dev/stdout`` is written to directly, as there is no file to replace.
    """
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file; name a file to write", str(path))
    if path.exists() and not path.is_file():  # through any links: a device or a pipe, nothing to replace
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        return
    if path.is_symlink():
        path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        else:
            os.chmod(temporary, 0o666 & ~_umask())  # as a plain open() would make it; mkstemp makes it private
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's file-mode creation mask (reading it means setting it, so it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def replace_directory(new: Path, target: Path) -> None:
    """Put the finished folder ``new`` at ``target``; the old one is removed only after the swap.

    Where the system can exchange two paths in one step, ``target`` never goes missing; elsewhere
    the old folder is moved aside first and put back if the second rename fails.
    """
    if target.is_dir() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the old site
        return
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        if old.exists() and not target.exists():
            os.replace(old, target)
        raise
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
