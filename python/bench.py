"""Throughput of gongwen.parse from Python on the corpus x40 (not a test).

usage: python python/bench.py [RUST_MB_PER_S]

Prints the minimum time of several parses of the bundled corpus repeated 40
times (as `cargo bench --bench parse` builds its "corpus x40" case: the
copies joined by one line break), in MB/s (10^6 bytes); given the Rust
figure of that bench case, also the ratio. `parse` includes what Python
adds: for a str, CPython's encoding of it to UTF-8; for bytes, the UTF-8
check (the crate's `decode`, done once, inside the parse); the result
object.
"""

import pathlib
import sys
import time

# The installed package, not its sources beside this script.
HERE = pathlib.Path(__file__).resolve().parent
sys.path = [p for p in sys.path if pathlib.Path(p or ".").resolve() != HERE]

import gongwen  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
TRIALS = 15


def best_ms(f):
    """The minimum time of TRIALS calls of `f`, in milliseconds; the
    results live until the next call, so freeing them is not timed (as in
    the Rust bench)."""
    best = float("inf")
    kept = None
    for _ in range(TRIALS):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
        kept = result
    del kept
    return best * 1e3


def main():
    corpus = (ROOT / "tests" / "data" / "speeches.txt").read_text(encoding="utf-8")
    text = "\n".join([corpus] * 40)
    raw = text.encode("utf-8")
    size = len(raw)
    doc = gongwen.parse(text)
    # As the Rust bench checks it: each later copy's front matter is one
    # more document.
    assert len(doc.documents) == 22 * 40 + 39, len(doc.documents)
    assert len(doc.all_items()) == 262 * 40
    rust = float(sys.argv[1]) if len(sys.argv) > 1 else None
    rows = [
        ("gongwen.parse(str)", best_ms(lambda: gongwen.parse(text))),
        ("gongwen.parse(bytes)", best_ms(lambda: gongwen.parse(raw))),
        ("gongwen.chunks(str, 500)", best_ms(lambda: gongwen.chunks(text, 500))),
    ]
    try:
        from langchain_text_splitters import RecursiveCharacterTextSplitter
    except ImportError:
        RecursiveCharacterTextSplitter = None
    if RecursiveCharacterTextSplitter is not None:
        peer = RecursiveCharacterTextSplitter(
            chunk_size=500, chunk_overlap=0, separators=["\n\n", "\n", "。", "；", "，", ""]
        )
        assert peer.split_text(text)
        rows.append(("langchain RecursiveCharacterTextSplitter(500)", best_ms(lambda: peer.split_text(text))))
    print(f"corpus x40: {size} bytes, best of {TRIALS} trials")
    for name, ms in rows:
        mb_s = size / 1e3 / ms
        line = f"  {name:<48} {ms:8.1f} ms {mb_s:7.0f} MB/s"
        if rust:
            line += f"   {rust / mb_s:5.2f}x the Rust parse time"
        print(line)


if __name__ == "__main__":
    main()
