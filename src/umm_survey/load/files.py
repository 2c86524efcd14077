"""Reading a catalogue file: only regular files, so a pipe or a device named like an entry never hangs a run."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotARegularFile(OSError):
    """The path is a pipe, socket or device, not a file; it is never read."""


def read_regular_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The file's bytes. NotARegularFile for anything but a regular file; OSError (EFBIG) over `max_bytes`.

    The file is opened without blocking and checked on the open descriptor, so a FIFO swapped in between a
    check and the read cannot make the read wait for a writer.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        handle = os.fdopen(descriptor, "rb")
    except BaseException:  # a folder: os.fdopen refuses it and leaves the descriptor open
        os.close(descriptor)
        raise
    with handle:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotARegularFile(0, "not a regular file (a pipe, socket or device); it was not read", str(path))
        if max_bytes is not None and status.st_size > max_bytes:
            raise FileTooLarge(status.st_size, max_bytes)
        return handle.read()


def read_regular_text(path: Path) -> str:
    return read_regular_bytes(path).decode("utf-8")


class FileTooLarge(OSError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(27, f"the file is {size} bytes, over the limit of {limit}; it was not read")
        self.size, self.limit = size, limit
