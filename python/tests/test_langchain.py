"""GongwenTextSplitter against the real LangChain packages (the extra
``gongwen[langchain]``)."""

import pathlib

from langchain_core.documents import Document
from langchain_text_splitters import TextSplitter

from gongwen.langchain import GongwenTextSplitter

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "speeches.txt"


def test_it_is_a_langchain_splitter_with_heading_paths():
    text = CORPUS.read_text(encoding="utf-8")
    splitter = GongwenTextSplitter(chunk_size=300)
    assert isinstance(splitter, TextSplitter)
    pieces = splitter.split_text(text)
    assert pieces and all(len(p) <= 300 for p in pieces)
    docs = splitter.create_documents([text], metadatas=[{"source": "speeches.txt"}])
    assert all(isinstance(d, Document) for d in docs)
    assert [d.page_content for d in docs] == pieces
    first = next(d for d in docs if d.metadata["document"] == 0 and len(d.metadata["heading_path"]) > 1)
    assert first.metadata["heading_path"][:2] == ["群众工作会议上的讲话", "要创新群众工作理念"]
    assert first.metadata["source"] == "speeches.txt"
    start = first.metadata["start_index"]
    assert text[start : start + len(first.page_content)] == first.page_content


def test_split_documents_keeps_the_metadata():
    splitter = GongwenTextSplitter(chunk_size=10)
    source = Document(page_content="关于甲的通知\n一、总体要求\n各单位要加强领导。\n", metadata={"id": 7})
    out = splitter.split_documents([source])
    assert out and all(d.metadata["id"] == 7 for d in out)
    assert any(d.metadata["heading_path"] == ["关于甲的通知", "总体要求"] for d in out)
