"""A hostile corpus in one build, and builds killed half-way: nothing lost, nothing hung.

The inputs are generated here, not stored: a text of more than a million characters,
a PDF of deeply nested arrays, a decompression bomb, empty, binary and wrong-encoding
files, a text file named .pdf, a FIFO, a 50 MB file, and a page of 50,000 nested
elements, beside two good documents. The bound: the whole build takes less than 240 s
on this machine's two cores (the long text alone about a minute).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from rdflib import Dataset

from sovkg.graph.store import load_store

pytestmark = pytest.mark.slow

SAMPLE = Path(__file__).parent / "data" / "corpus" / "nrw-18-13128-kleine-anfrage-5276.txt"
BOUND_SECONDS = 240


def _pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF with the given objects (1 0 obj is the catalog)."""
    out, offsets = [b"%PDF-1.7\n"], []
    for number, body in enumerate(objects, start=1):
        offsets.append(sum(map(len, out)))
        out.append(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = sum(map(len, out))
    out.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out += [b"%010d 00000 n \n" % offset for offset in offsets]
    out.append(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return b"".join(out)


def _page_with(content: bytes, extra: bytes = b"") -> bytes:
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R " + extra + b">>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "good.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "gut-latin1.txt").write_bytes("Die Landesregierung fördert Künstliche Intelligenz in Düsseldorf.\n"
                                           .encode("latin-1"))
    (folder / "long.txt").write_text("Das Land Nordrhein-Westfalen fördert die Forschung in Bonn.\n\n" * 19_000,
                                     encoding="utf-8")  # 1.1 million characters
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "text-named.pdf").write_text("Ein Vermerk des Ministeriums in Kiel.\n", encoding="utf-8")
    (folder / "nested.pdf").write_bytes(_page_with(zlib.compress(b"BT ET"), b"/Annots " + b"[" * 5000 + b"]" * 5000))
    text = b"BT /F1 12 Tf 10 10 Td " + b"(Wort ) Tj " * 20_000_000 + b" ET"  # 220 MB of text from 430 KB
    font = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    (folder / "bomb.pdf").write_bytes(_page_with(zlib.compress(text, 9), font))
    with open(folder / "huge.txt", "wb") as handle:  # 50 MB
        handle.write(b"Text ohne Ende. " * (50_000_000 // 16))
    (folder / "deep.html").write_text("<html><body>" + "<div>Tiefe " * 50_000 + "</div>" * 50_000
                                      + "</body></html>", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_a_hostile_corpus_builds_the_good_documents_and_names_each_bad_one(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "sovkg", "build", str(corpus), str(corpus / "pipe.txt"),
                             "--out", str(out), "--no-validate"],
                            capture_output=True, text=True, timeout=BOUND_SECONDS + 60)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert elapsed < BOUND_SECONDS
    lines = result.stderr.splitlines()
    for name in ("empty.txt", "binary.txt", "huge.txt", "bomb.pdf", "pipe.txt"):
        assert sum(name in line for line in lines) == 1, (name, result.stderr)
    assert sum("nested.pdf" in line for line in lines) <= 1  # a line if it cannot be read, else built
    assert all("Traceback" not in line for line in lines)
    assert any("text-named.pdf" in line and "read as text" in line for line in lines)
    assert any("gut-latin1.txt" in line and "not UTF-8" in line for line in lines)
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    sources = {str(o) for _, _, o, _ in dataset.quads((None, None, None, None))
               if str(o).endswith((".txt", ".pdf", ".html"))}
    assert {"good.txt", "long.txt", "gut-latin1.txt", "text-named.pdf", "deep.html"} <= sources


@pytest.mark.parametrize("phase", ["extract", "validate", "write"])
def test_a_killed_build_leaves_the_previous_output_whole(phase: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = subprocess.run([sys.executable, "-m", "sovkg", "build", str(SAMPLE), "--out", str(out)],
                           capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    before = _output_files(out)
    other = tmp_path / "other.txt"
    other.write_text("Das Ministerium in Kiel fördert openDesk.\n", encoding="utf-8")
    killed = subprocess.run([sys.executable, "-m", "sovkg", "build", str(SAMPLE), str(other), "--out", str(out)],
                            capture_output=True, text=True, timeout=300, env={**os.environ, "SOVKG_FAULT": phase})
    assert killed.returncode == -9
    assert _output_files(out) == before  # graph files and store as they were
    Dataset().parse(out / "graph.trig", format="trig")
    assert len(load_store(out)) > 1000  # the store opens and holds the build
    for entry in (out / ".sovkg-cache").rglob("*.pickle"):  # the cache: fewer entries at worst, none broken
        pickle.loads(entry.read_bytes())
    again = subprocess.run([sys.executable, "-m", "sovkg", "build", str(SAMPLE), str(other), "--out", str(out)],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.txt", "out"]  # no leftovers
    assert b"other.txt" in (out / "graph.trig").read_bytes()
    # what the killed build extracted before it died is kept, whole, and used
    unchanged = {"extract": 1, "validate": 2, "write": 2}[phase]
    assert f"{unchanged} unchanged since the last build" in again.stdout


def _output_files(out: Path) -> dict[str, bytes]:
    """Every file of a build's output but its cache, by path."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".sovkg-cache" not in p.parts}


@pytest.mark.parametrize("where", ["/", "file", "/proc/no/such"])
def test_a_wrong_out_is_refused_before_the_build(where: str, tmp_path: Path) -> None:
    target = str(tmp_path / "a-file") if where == "file" else where
    Path(tmp_path / "a-file").write_text("x", encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "sovkg", "build", "--out", target],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "--out" in result.stderr
    assert time.monotonic() - started < 30
