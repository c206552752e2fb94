"""Throughput of gongwen.parse from Python on the corpus x40 (not a test).

usage: python python/bench.py [RUST_MB_PER_S]

Prints the minimum time of several parses of the bundled corpus repeated 40
times (as `cargo bench --bench parse` builds its "corpus x40" case: the
copies joined by one line break), in MB/s (10^6 bytes); given the Rust
figure of that bench case, also the ratio. `parse` includes what Python
adds: copying the str, the owned tree (into_owned), the result object.
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


def main():
    corpus = (ROOT / "tests" / "data" / "speeches.txt").read_text(encoding="utf-8")
    text = "\n".join([corpus] * 40)
    size = len(text.encode("utf-8"))
    doc = gongwen.parse(text)
    # As the Rust bench checks it: each later copy's front matter is one
    # more document.
    assert len(doc.documents) == 22 * 40 + 39, len(doc.documents)
    assert len(doc.all_items()) == 262 * 40
    best = float("inf")
    for _ in range(TRIALS):
        start = time.perf_counter()
        gongwen.parse(text)
        best = min(best, time.perf_counter() - start)
    mb_s = size / 1e6 / best
    print(f"corpus x40: {size} bytes, best of {TRIALS}: {best * 1e3:.1f} ms, {mb_s:.0f} MB/s")
    if len(sys.argv) > 1:
        rust = float(sys.argv[1])
        print(f"Rust {rust:.0f} MB/s: Python takes {rust / mb_s:.2f}x the Rust time")


if __name__ == "__main__":
    main()
