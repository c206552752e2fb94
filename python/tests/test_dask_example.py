"""The Dask example on a handful of real documents: one JSON line per
document, the same outline as a direct parse."""

import json
import pathlib
import subprocess
import sys

import gongwen

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "python" / "examples" / "dask_outline.py"


def test_one_json_line_per_document(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    sources = sorted((ROOT / "tests" / "data" / "real").glob("*.txt"))[:5]
    for s in sources:
        (inputs / s.name).write_bytes(s.read_bytes())
    # One more in GB18030, as files saved on Windows are.
    gbk = inputs / "gbk-notice.txt"
    gbk.write_bytes("关于甲的通知\n各单位：\n一、总体要求\n（一）压实责任。\n".encode("gb18030"))
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(EXAMPLE), str(inputs), str(out)], check=True)
    records = [
        json.loads(line)
        for part in sorted(out.glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    want = 0
    for path in sorted(inputs.iterdir()):
        doc = gongwen.parse(path.read_bytes())
        want += len(doc.documents)
        mine = [r for r in records if r["file"] == str(path)]
        assert [r["title"] for r in mine] == [d.title for d in doc.documents]
        assert [len(r["items"]) for r in mine] == [len(d.all_items()) for d in doc.documents]
    assert len(records) == want
    notice = next(r for r in records if r["file"].endswith("gbk-notice.txt"))
    assert notice["items"] == [[1, "cn-dun", 1, "总体要求"], [2, "cn-paren", 1, "压实责任"]]
