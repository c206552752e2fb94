"""The Python package against the Rust crate: the same parser, its JSON,
its scores, and what Python adds (character offsets, exceptions, threads)."""

import concurrent.futures
import json
import pathlib
import subprocess

import pytest

import gongwen
import score

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CORPUS = DATA / "speeches.txt"


def read(path):
    return path.read_text(encoding="utf-8")


def test_the_corpus_scores_as_in_rust():
    counts = []
    for text_path in [CORPUS, *sorted((DATA / "real").glob("*.txt"))]:
        doc = gongwen.parse(text_path.read_bytes())
        pred = score.convert_json(text_path.read_bytes(), doc.to_dict())
        gold = text_path.with_name(text_path.stem + ".gold.tsv")
        counts.append(score.score(str(text_path), str(gold), pred, quiet=True))
    figures = score.pooled(counts)
    assert figures == {"headingF1": 1.0, "parentAcc": 1.0, "docF1": 1.0, "roleAcc": 1.0}


def test_the_first_title():
    doc = gongwen.parse(read(CORPUS))
    assert doc.documents[0].title == "群众工作会议上的讲话"
    assert len(doc.documents) == 22


def test_the_json_is_the_rust_examples():
    rust = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "outline", "--", "--json", str(CORPUS)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    doc = gongwen.parse(CORPUS.read_bytes())
    assert doc.to_json() == rust.decode("utf-8").strip()
    assert doc.to_dict() == json.loads(rust)
    assert doc.to_dict()["version"] == gongwen.JSON_VERSION


def test_character_offsets_slice_the_python_string():
    text = read(CORPUS)
    doc = gongwen.parse(text)
    seen = 0
    for depth, item in doc.all_items():
        start, end = item.heading_char_span
        assert text[start:end] == item.heading
        start, _ = item.char_span
        assert text[start:].startswith(item.marker)
        b_start, b_end = item.heading_byte_span
        assert text.encode("utf-8")[b_start:b_end].decode("utf-8") == item.heading
        assert depth >= 1
        seen += 1
    assert seen > 100
    for d in doc.documents:
        start, end = d.char_span
        assert d.title is None or text[start:end].startswith(d.title[:2])


def test_bytes_in_three_encodings_read_alike():
    text = "关于加强安全生产工作的通知\n各乡镇：\n一、总体要求\n（一）压实责任。\n二、工作安排\n"
    want = [(d, i.family, i.ordinal, i.heading) for d, i in gongwen.parse(text).all_items()]
    for encoding, raw, name in [
        ("utf-8", text.encode("utf-8"), "utf-8"),
        ("utf-8-sig", text.encode("utf-8-sig"), "utf-8-bom"),
        ("utf-16", text.encode("utf-16"), "utf-16le"),
        ("gb18030", text.encode("gb18030"), "gb18030"),
    ]:
        doc = gongwen.parse(raw)
        assert doc.encoding == name, encoding
        # (A UTF-8 BOM stays in the source, as the byte offsets count it.)
        assert doc.source.removeprefix("\ufeff") == text, encoding
        got = [(d, i.family, i.ordinal, i.heading) for d, i in doc.all_items()]
        assert got == want, encoding


def test_errors_are_python_exceptions():
    with pytest.raises(TypeError):
        gongwen.parse(42)
    with pytest.raises(gongwen.DecodeError) as bad:
        gongwen.parse(b"\xff\xfe\x00\xd8")  # UTF-16LE BOM, then a lone surrogate
    assert isinstance(bad.value, ValueError)
    assert "UTF-16" in str(bad.value)
    with pytest.raises(gongwen.InputTooLarge):
        gongwen.parse("一" * (64 << 20))
    with pytest.raises(ValueError):
        gongwen.chunks("一、总则\n", max_chars=0)


def test_chunks_never_exceed_the_maximum():
    text = read(CORPUS)
    for most in [1, 7, 50, 300]:
        chunks = gongwen.chunks(text, max_chars=most)
        assert chunks
        for c in chunks:
            assert c.chars <= most
            assert len(c.text) == c.chars
            start, end = c.char_span
            assert text[start:end] == c.text
    titled = [c for c in gongwen.chunks(text, max_chars=300) if c.document is not None]
    assert titled[0].path[0] == "群众工作会议上的讲话"


def test_lint_gives_code_severity_line_column_message():
    findings = gongwen.lint("一、总体要求\n二、主要任务\n四、保障措施\n")
    assert [(d.code, d.severity, d.line, d.column) for d in findings] == [
        ("numbering-gap", "warning", 3, 1)
    ]
    assert "3 is missing" in findings[0].message


def test_a_thread_pool_parses_as_one_thread_does():
    texts = [read(p) for p in sorted((DATA / "real").glob("*.txt"))] * 3
    serial = [gongwen.parse(t).to_json() for t in texts]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: gongwen.parse(t).to_json(), texts))
    assert threaded == serial
    assert [d.to_json() for d in gongwen.parse_many(texts)] == serial
