"""The outline of every 公文 in a directory, computed with Dask, one JSON
line per document.

usage: python dask_outline.py INPUT_DIR OUTPUT_DIR [--scheduler threads|processes]

Each file of INPUT_DIR (any encoding gongwen reads: UTF-8, UTF-16 with
BOM, GB18030) is parsed on a Dask worker; each document found in it
becomes one line of OUTPUT_DIR/part-*.jsonl:
``{"file", "index", "title", "genre", "frame", "items": [[depth, family,
ordinal, heading], ...]}``. Run here, Dask works in local mode (threads by
default: parsing releases the GIL, so threads use every core); on a
cluster, create a ``dask.distributed.Client`` first and the same bag runs
on its workers.
"""

import argparse
import json
import pathlib

import dask
import dask.bag as db

import gongwen


def outline_lines(path: str) -> list:
    """The JSON lines of one file's documents."""
    doc = gongwen.parse(pathlib.Path(path).read_bytes())
    lines = []
    for index, d in enumerate(doc.documents):
        record = {
            "file": path,
            "index": index,
            "title": d.title,
            "genre": d.genre,
            "frame": d.frame,
            "items": [[depth, i.family, i.ordinal, i.heading] for depth, i in d.all_items()],
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input_dir", type=pathlib.Path)
    parser.add_argument("output_dir", type=pathlib.Path)
    parser.add_argument("--scheduler", choices=["threads", "processes"], default="threads")
    args = parser.parse_args()
    files = sorted(str(p) for p in args.input_dir.iterdir() if p.is_file())
    if not files:
        parser.error(f"no files in {args.input_dir}")
    args.output_dir.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(files, npartitions=min(len(files), 16)).map(outline_lines).flatten()
    with dask.config.set(scheduler=args.scheduler):
        bag.to_textfiles(str(args.output_dir / "part-*.jsonl"), encoding="utf-8")


if __name__ == "__main__":
    main()
