"""What earlier builds computed, kept under the output folder for the next build.

A build of a growing corpus should cost what changed, not what is there. So each
document's extraction is stored under a key made of the file's content hash, its name
and the pipeline's fingerprint (the code, models, lexicons and knowledge base it ran
with), and each rendered and validated piece of the graph under a hash of what it was
made from. Entries are written atomically (a temporary file and a rename) and read
defensively (a damaged entry is a miss), so a crash at any point leaves a cache that
is merely incomplete, never wrong.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from typing import Any

#: The cache's folder inside a build's output folder.
CACHE_DIR = ".sovkg-cache"
#: Packages whose files decide what a build produces.
_PACKAGES = ("sovkg", "sovkg.extract", "sovkg.graph", "sovkg.ontology")


def digest(*parts: object) -> str:
    """A short stable hash of ``parts`` (strings and bytes as they are, the rest pickled)."""
    hasher = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode() if isinstance(part, str) else \
            pickle.dumps(part, protocol=5)
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def pipeline_fingerprint(kb_path: Path | None, *, ner: bool, min_confidence: float = 0.0) -> str:
    """A hash of everything a document's extraction depends on besides the document:
    sovkg's code and data files, the knowledge base and the options."""
    from sovkg import __version__

    hasher = hashlib.blake2b(digest_size=20)
    hasher.update(f"{__version__}|ner={ner}|min_confidence={min_confidence}".encode())
    for package in _PACKAGES:
        root = Path(str(files(package)))
        for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                           and p.suffix != ".pyc"):
            hasher.update(str(path.relative_to(root)).encode())
            hasher.update(path.read_bytes())
    if kb_path is not None:
        hasher.update(Path(kb_path).read_bytes())
    return hasher.hexdigest()


class BuildCache:
    """Pickled results by kind ("extraction", "shard", …) and key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.used: dict[str, set[str]] = {}

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str, *, keep: bool = True) -> Any | None:
        """The stored value, or None if there is none or it cannot be read; ``keep=False``
        reads an entry of an earlier build without keeping it past this one."""
        if keep:
            self.used.setdefault(kind, set()).add(key)
        try:
            with open(self._path(kind, key), "rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, never an error
            return None

    def keep(self, kind: str, key: str) -> None:
        """Mark an entry as still needed without reading it (pruning spares it)."""
        self.used.setdefault(kind, set()).add(key)

    def put(self, kind: str, key: str, value: Any) -> None:
        self.used.setdefault(kind, set()).add(key)
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=5)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def prune(self, kinds: Iterable[str]) -> int:
        """Remove the entries of ``kinds`` this build did not use (removed or changed
        documents leave nothing behind); returns how many went."""
        removed = 0
        for kind in kinds:
            used = self.used.get(kind, set())
            folder = self.root / kind
            for path in folder.glob("*/*") if folder.is_dir() else ():
                if path.name.removesuffix(".pickle") not in used:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def clear(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
