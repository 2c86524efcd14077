"""The page cache: a page's built HTML, kept by the hash of everything that page's HTML depends on.

A page's output depends on its own text, on what every page shares (the package, mkdocs and theme
versions, the templates, the overrides, mkdocs.yml, the navigation and the titles it shows) and on
nothing else, because pages outside the navigation link to others by plain relative URLs. The shared
part is the cache's `stamp`: when it changes the whole cache is dropped. Pages in the navigation are
never cached (their titles feed every page's sidebar and mkdocs only learns them by reading them).

A cache file is used only while its size and modification time are those the manifest recorded when
it was written (files are replaced whole, by rename), so an edited or damaged file is rebuilt, never
published. A hit is hard-linked into the new site (copied where the two folders cannot share files):
nothing is read. The folder carries a marker, and the cache removes only files it wrote there.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import shutil
import tempfile
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from umm_survey.publish.atomic import write_text_atomic

MARKER = ".umm-page-cache"
MANIFEST = "manifest.json"
FRAGMENTS = "fragments.marshal"  # the render stage's memo: megabytes of short texts, which marshal reads and writes fast
TEMPLATES = "templates"  # a subfolder: compiled templates, one folder per Jinja environment


def digest(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def folder_digest(folder: Path) -> str:
    """One hash of every file's relative path and bytes under `folder` (empty when it is missing)."""
    hasher = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts):
            hasher.update(str(path.relative_to(folder)).encode() + b"\x00" + path.read_bytes() + b"\x00")
    return hasher.hexdigest()


class PageCache:
    def __init__(self, folder: Path, stamp: str) -> None:
        self.folder = folder
        self.stamp = stamp
        self.usable = self._prepare()
        manifest = self._read_manifest() if self.usable else {}
        self.entries: dict[str, dict[str, str]] = self._pages_of(manifest)
        self.fragments: dict[str, str] = self._read_fragments() if manifest else {}  # texts by input digest: the render stage's memo (render/memo.py)
        self.kept: dict[str, dict[str, str]] = {}
        listed = manifest.get("theme_files")
        self.listed_theme_files: dict = listed if isinstance(listed, dict) and isinstance(listed.get("names"), list) else {}

    def _prepare(self) -> bool:
        """True when the folder is ours (or new). A folder someone else made is never written to."""
        try:
            if self.folder.is_dir() and any(self.folder.iterdir()) and not (self.folder / MARKER).is_file():
                return False
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / MARKER).write_text("page cache of umm-survey build; safe to delete\n", encoding="utf-8")
            return True
        except OSError:
            return False

    def _read_manifest(self) -> dict:
        """The manifest when it was written under this stamp, else an empty one."""
        try:
            data = json.loads((self.folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) and data.get("stamp") == self.stamp else {}

    @staticmethod
    def _pages_of(manifest: dict) -> dict[str, dict[str, str]]:
        pages = manifest.get("pages")
        if not isinstance(pages, dict):
            return {}
        return {key: value for key, value in pages.items() if isinstance(value, dict) and isinstance(value.get("file"), str) and isinstance(value.get("stat"), str)}

    def _read_fragments(self) -> dict[str, str]:
        """The memo written under this stamp; empty when missing, cut short or from another stamp."""
        try:
            data = marshal.loads((self.folder / FRAGMENTS).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not isinstance(data, dict) or data.get("stamp") != self.stamp or not isinstance(data.get("fragments"), dict):
            return {}
        fragments = data["fragments"]
        return {key: value for key, value in fragments.items() if isinstance(key, str) and isinstance(value, str)}

    def key(self, relative: str, source: str) -> str:
        """A page's key: the stamp, its path and its source (its text, or the fingerprint of what it is rendered from)."""
        return digest(self.stamp, relative, source)

    def get(self, key: str) -> Path | None:
        """The cached HTML file of the page with this key, or None."""
        record = self.entries.get(key)
        if record is None or not _is_cache_file_name(record["file"]):
            return None
        path = self.folder / record["file"]
        try:
            status = path.stat()
        except OSError:
            return None
        if record.get("stat") != _stat_text(status):
            return None
        self.kept[key] = record
        return path

    def put(self, key: str, html: str) -> None:
        if not self.usable:
            return
        name = f"{key}.html"
        try:
            _write_quick(self.folder / name, html)
            status = (self.folder / name).stat()
        except OSError:
            return
        self.kept[key] = {"file": name, "stat": _stat_text(status)}

    def theme_files(self, key: str) -> list[str] | None:
        """The theme files mkdocs copies, as the last build listed them for the same settings (`key`)."""
        if self.listed_theme_files.get("key") != key or not all(isinstance(name, str) for name in self.listed_theme_files["names"]):
            return None
        return list(self.listed_theme_files["names"])

    def keep_theme_files(self, key: str, names: list[str]) -> None:
        self.listed_theme_files = {"key": key, "names": list(names)}

    def compiled_templates(self, environment: str) -> BytecodeCache | None:
        """Where a Jinja environment keeps its compiled templates between builds (None when the cache is not ours)."""
        if not self.usable:
            return None
        try:
            return CompiledTemplates(self.folder / TEMPLATES / environment)
        except OSError:
            return None

    def save(self) -> None:
        """Record what this build used or made; drop the cache files nothing refers to any more."""
        if not self.usable:
            return
        try:
            _write_bytes_quick(self.folder / FRAGMENTS, marshal.dumps({"stamp": self.stamp, "fragments": self.fragments}))
            write_text_atomic(self.folder / MANIFEST, json.dumps({"stamp": self.stamp, "pages": self.kept, "theme_files": self.listed_theme_files}, sort_keys=True))
            wanted = {record["file"] for record in self.kept.values()}
            for path in self.folder.iterdir():
                stale_temporary = path.name.startswith(".page.") and path.name.endswith(".tmp")
                if stale_temporary or (_is_cache_file_name(path.name) and path.name not in wanted):
                    path.unlink(missing_ok=True)
        except OSError:
            return


def _stat_text(status: os.stat_result) -> str:
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ino}"


def link_or_copy(source: Path, target: Path) -> None:
    """Put `source` at `target`: a hard link where the file system allows one, else a copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


CACHE_FILE_NAME = re.compile(r"[0-9a-f]{64}\.html")


def _is_cache_file_name(name: str) -> bool:
    return CACHE_FILE_NAME.fullmatch(name) is not None


def _write_bytes_quick(path: Path, data: bytes) -> None:
    """Replace `path` whole without an fsync: a torn file does not load (marshal) and counts as empty."""
    descriptor, temporary = tempfile.mkstemp(prefix=".page.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_quick(path: Path, text: str) -> None:
    """Replace `path` whole (a reader never sees half a file); no fsync: the manifest's digest guards reads."""
    _write_bytes_quick(path, text.encode("utf-8"))


class CompiledTemplates(FileSystemBytecodeCache):
    """Jinja's compiled templates in a folder, each kept by its template's name and source checksum (so an
    edited template is compiled again). A file that cannot be read back is compiled again, one that cannot
    be written is skipped: the cache only ever saves time."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged file (bad pickle or marshal data) means compiling again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass
