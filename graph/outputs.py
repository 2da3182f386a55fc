"""Replacing a build's output folder as a whole.

The files of a build belong together (``graph.trig``, ``graph.ttl``, ``graph.html``):
a reader must see the old set or the new one, never a new graph beside an old view.
So a build writes its files into a fresh folder beside the output folder, flushes
them to disk, and then exchanges the two folders in one step (Linux ``renameat2`` with
``RENAME_EXCHANGE``; elsewhere two renames in a row). A crash at any point leaves the
previous output complete; the leftovers of a crashed build are removed by the next.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from sovkg.errors import ConfigError

_NEW, _OLD = ".new-", ".old-"


def check_out(out: Path) -> Path:
    """Refuse an output place that cannot hold a build, before any work is done."""
    resolved = Path(os.path.abspath(out))
    if resolved.parent == resolved:
        raise ConfigError(f"--out {out}: refusing to write a build into the root folder; name a folder")
    if resolved.exists() and not resolved.is_dir():
        raise ConfigError(f"--out {out}: is a file, not a folder; name a folder")
    parent = resolved.parent
    if not parent.is_dir():
        raise ConfigError(f"--out {out}: {parent} is no folder; create it first")
    try:
        probe = tempfile.NamedTemporaryFile(dir=parent, prefix=f".{resolved.name}{_NEW}probe-")
        probe.close()
    except OSError as exc:
        raise ConfigError(f"--out {out}: cannot write in {parent} ({exc.strerror or exc}); "
                          "choose a folder you can write to") from None
    return resolved


def remove_leftovers(out: Path, owned: Iterable[str] = ()) -> None:
    """Folders and temporary files a crashed build left beside or in ``out``.

    A crash can come after a user's entries (and the build cache) moved into the fresh
    folder and before it replaced ``out``: what is not sovkg's own output goes back.
    """
    out = Path(os.path.abspath(out))
    owned = set(owned)
    for stale in out.parent.glob(f".{out.name}{_NEW}*"):
        if stale.is_dir() and out.is_dir():
            for entry in stale.iterdir():
                if entry.name not in owned and not (out / entry.name).exists():
                    os.replace(entry, out / entry.name)
        shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
    for stale in out.parent.glob(f".{out.name}{_OLD}*"):
        shutil.rmtree(stale, ignore_errors=True)
    if out.is_dir():
        for stale in out.glob(".*.tmp"):
            stale.unlink(missing_ok=True)


def write_output_set(out: Path, names: Sequence[str], produce: Callable[[Path], None] | Mapping[str, str]) -> list[Path]:
    """Make the entries ``names`` (files or folders) as the whole content sovkg owns in ``out``.

    ``produce(folder)`` writes them into a fresh folder beside ``out`` (a mapping of
    name → text is written as it is); other entries a user keeps in ``out`` move over.
    """
    out = Path(os.path.abspath(out))
    remove_leftovers(out, names)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}{_NEW}", dir=out.parent))
    os.chmod(fresh, 0o777 & ~_umask())
    if callable(produce):
        produce(fresh)
    else:
        for name, text in produce.items():
            _write_synced(fresh / name, text)
    _fsync_dir(fresh)
    if out.is_dir():
        for entry in out.iterdir():
            if entry.name not in names and not entry.name.endswith(".tmp"):
                os.replace(entry, fresh / entry.name)
        _exchange(fresh, out)
        shutil.rmtree(fresh, ignore_errors=True)  # the old output, now under the fresh name
    else:
        os.replace(fresh, out)
    _fsync_dir(out.parent)
    return [out / name for name in names]


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o666 & ~_umask())


def _exchange(a: Path, b: Path) -> None:
    """Swap two folders in one step where the system can; else in two renames."""
    libc_name = ctypes.util.find_library("c")
    if libc_name and hasattr(ctypes.CDLL(libc_name), "renameat2"):
        libc = ctypes.CDLL(libc_name, use_errno=True)
        at_fdcwd, rename_exchange = -100, 2
        if libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
            return
    aside = b.with_name(f".{b.name}{_OLD}{os.getpid()}")
    os.replace(b, aside)
    os.replace(a, b)
    os.replace(aside, a)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
