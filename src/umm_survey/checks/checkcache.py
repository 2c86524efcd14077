"""The check cache: what reading and checking each entry file gave, kept by the hash of that file's bytes.

Reading an entry file (YAML composed with positions) is most of loading a catalogue, and a rebuild after
one edit reads every file again. A file's check result depends on its bytes, its name and displayed path,
its kind, the vocabularies, today's date (future dates) and the package's code, and on nothing else: the
checks across entries run again on every load. So the build keeps, per file, the checked data (without its
pydantic model, which the schema gives again faster than unpickling one) and its problems, under a stamp of
the code, the catalogue's top-level files and the date; a changed stamp drops the whole cache.

The cache is one pickle file in a folder that carries the cache's marker: a folder someone else made is
never written to, the file is replaced whole by rename, and a file that cannot be read back (damaged, cut
short, from another version) counts as empty. Like `__pycache__`, it is the user's own build output and is
trusted as such. `validate` never uses it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from datetime import date
from pathlib import Path

MARKER = ".umm-check-cache"
CACHE_FILE = "entry-checks.pickle"
PACKAGE = Path(__file__).resolve().parent.parent


def check_stamp(root: Path, today: date) -> str:
    """What every file's check result depends on besides the file: the package's code, the catalogue's
    top-level files (vocabularies and the rest) and today's date."""
    hasher = hashlib.sha256(today.isoformat().encode())
    for folder, pattern in ((PACKAGE, "**/*.py"), (root, "*.yaml")):
        for path in sorted(folder.glob(pattern)):
            if path.is_file():
                hasher.update(str(path.relative_to(folder)).encode() + b"\x00" + path.read_bytes() + b"\x00")
    return hasher.hexdigest()


class CheckCache:
    """Packed check results by key; `save` keeps only those this load used or made."""

    def __init__(self, folder: Path, stamp: str) -> None:
        self.folder, self.stamp = folder, stamp
        self.usable = _prepare(folder)
        self.held: dict[str, bytes] = self._read() if self.usable else {}
        self.kept: dict[str, bytes] = {}  # pickled results, by key

    def key(self, path: Path, display: str, kind: str, data: bytes) -> str:
        hasher = hashlib.sha256(f"{path}\x00{display}\x00{kind}\x00".encode("utf-8", "surrogatepass"))
        hasher.update(data)
        return hasher.hexdigest()

    def get(self, key: str) -> object | None:
        """The result kept under `key`, or None (also when it cannot be read back)."""
        blob = self.held.get(key)
        if not isinstance(blob, bytes):
            return None
        try:
            packed = pickle.loads(blob)
        except Exception:  # noqa: BLE001 - a damaged result is checked again
            return None
        self.kept[key] = blob
        return packed

    def put(self, key: str, packed: object) -> None:
        """Keep a result; each is pickled on its own, so that saving after one edit pickles one result."""
        try:
            self.kept[key] = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, RecursionError):
            return

    def save(self) -> None:
        """Write what this load used or made, when it differs from what was read; never raises."""
        if not self.usable or self.kept.keys() == self.held.keys():
            return
        try:
            data = pickle.dumps({"stamp": self.stamp, "files": self.kept}, protocol=pickle.HIGHEST_PROTOCOL)
            descriptor, temporary = tempfile.mkstemp(prefix=".checks.", suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, self.folder / CACHE_FILE)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except (OSError, pickle.PicklingError, RecursionError):
            return

    def _read(self) -> dict[str, bytes]:
        try:
            data = pickle.loads((self.folder / CACHE_FILE).read_bytes())
        except Exception:  # noqa: BLE001 - missing, damaged or foreign: start empty
            return {}
        if not isinstance(data, dict) or data.get("stamp") != self.stamp or not isinstance(data.get("files"), dict):
            return {}
        return data["files"]


def _prepare(folder: Path) -> bool:
    """True when the folder is ours (or new); one someone else made is never written to."""
    try:
        if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).is_file():
            return False
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MARKER).write_text("check cache of umm-survey build; safe to delete\n", encoding="utf-8")
        return True
    except OSError:
        return False
