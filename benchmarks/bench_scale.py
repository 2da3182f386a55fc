"""How a build grows with the corpus: time, peak memory and triples at several sizes.

Run: python benchmarks/bench_scale.py [--sizes 100 400 1600] [--jobs N] [--incremental 400]

Each size is a corpus of varied copies of the real documents in the repository
(``benchmarks/corpus.py``), built by ``sovkg build`` in a fresh process, validated, as
a user would. Reported per size: wall time, the peak of the summed resident memory of
the build and its worker processes (sampled from /proc), triples, and the ratio of the
build's time to the baseline of the same run: spaCy's blank German tokenizer reading
the same texts in one process. Then the growth exponents fitted over the sizes
(time ∝ size^k; k ≤ 1.1 is linear enough), and, with ``--incremental N``, the cost of
building a built folder of N documents again after adding, changing or removing one,
as a share of the full build.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from corpus import varied, write_corpus

SOVKG = [sys.executable, "-m", "sovkg"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 400, 1600],
                        help="corpus sizes to build (none: only --incremental)")
    parser.add_argument("--jobs", type=int, default=None, help="sovkg build --jobs (default: the cores)")
    parser.add_argument("--incremental", type=int, default=0, metavar="N",
                        help="also time adding, changing and removing one document in a build of N")
    parser.add_argument("--keep", type=Path, help="build here and keep the corpora and outputs")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="sovkg-scale-"))
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    rows = []
    if args.sizes:
        print(f"{'documents':>9} {'wall s':>8} {'peak MiB':>8} {'triples':>10} {'x tokenizer':>11}")
    for size in args.sizes:
        corpus = write_corpus(work / f"corpus-{size}", size)
        baseline = _tokenizer_seconds(corpus)
        seconds, peak, output = _timed_build([str(work / f"corpus-{size}"), "--out", str(work / f"out-{size}"), *jobs])
        triples = _triples(output)
        rows.append((size, seconds, peak, triples))
        print(f"{size:>9,} {seconds:>8.1f} {peak / 2**20:>8.0f} {triples:>10,} {seconds / baseline:>11.0f}")
    if len(rows) > 1:
        print(f"growth exponents: time {_exponent(rows, 1):.2f}, peak memory {_exponent(rows, 2):.2f}, "
              f"triples {_exponent(rows, 3):.2f}")
    if args.incremental:
        _incremental(work, args.incremental, jobs)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def _incremental(work: Path, size: int, jobs: list[str]) -> None:
    """A full build of ``size`` documents, then one added, one changed, one removed."""
    folder = work / f"incremental-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    corpus = write_corpus(folder / "corpus", size + 1)
    extra = corpus[-1].read_bytes()
    corpus[-1].unlink()
    out = ["--out", str(folder / "out"), *jobs]
    full, _, _ = _timed_build([str(folder / "corpus"), *out])
    corpus[-1].write_bytes(extra)
    added, _, _ = _timed_build([str(folder / "corpus"), *out])
    corpus[0].write_text(varied(corpus[0].read_text(encoding="utf-8"), 99), encoding="utf-8")
    changed, _, _ = _timed_build([str(folder / "corpus"), *out])
    corpus[1].unlink()
    removed, _, _ = _timed_build([str(folder / "corpus"), *out])
    again, _, _ = _timed_build([str(folder / "corpus"), *out])
    print(f"incremental, {size} documents: full build {full:.1f} s")
    for name, seconds in (("one added", added), ("one changed", changed), ("one removed", removed),
                          ("nothing changed", again)):
        print(f"  {name:<16} {seconds:6.1f} s = {100 * seconds / full:5.1f} % of the full build")


def _timed_build(arguments: list[str]) -> tuple[float, int, Path]:
    """Wall time and peak summed RSS of ``sovkg build`` and its workers."""
    command = [*SOVKG, "build", "-q", *arguments]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = _PeakSampler(process.pid)
    peak.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - start
    peak.stop()
    violations = b"SHACL validation found" in stderr  # written all the same; say so
    if process.returncode != 0 and not violations:
        raise SystemExit(f"build failed ({process.returncode}): {stderr.decode()[-2000:]}")
    if violations:
        print(f"  (the build of {arguments[0]} reported SHACL violations: {stderr.decode().splitlines()[-1]})")
    return seconds, peak.peak, Path(arguments[arguments.index("--out") + 1])


class _PeakSampler(threading.Thread):
    """The largest sum of resident memory over a process and its descendants, every 50 ms."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self._done = pid, 0, threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            time.sleep(0.05)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except OSError:
            pass
    return pids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tokenizer_seconds(paths: list[Path]) -> float:
    """The baseline: spaCy's blank German tokenizer over the same texts, in a fresh process."""
    code = ("import sys, time, spacy; from pathlib import Path; nlp = spacy.blank('de'); "
            "texts = [Path(p).read_text(encoding='utf-8') for p in sys.argv[1:]]; t = time.perf_counter(); "
            "[nlp(t_) for t_ in texts]; print(time.perf_counter() - t)")
    listing = [str(p) for p in paths]
    result = subprocess.run([sys.executable, "-c", code, *listing], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def _triples(out: Path) -> int:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def _exponent(rows: list[tuple], column: int) -> float:
    """The least-squares slope of log(value) over log(size)."""
    xs = [math.log(r[0]) for r in rows]
    ys = [math.log(r[column]) for r in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


if __name__ == "__main__":
    main()
