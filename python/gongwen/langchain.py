"""A LangChain text splitter that splits 公文 along their outline.

``pip install gongwen[langchain]``::

    from gongwen.langchain import GongwenTextSplitter

    splitter = GongwenTextSplitter(chunk_size=300)
    docs = splitter.create_documents([text], metadatas=[{"source": "notice.txt"}])
    docs[3].metadata["heading_path"]   # ['关于…的通知', '总体要求', '压实责任']

Chunks never exceed ``chunk_size`` characters and never cross a document;
they break at outline boundaries first, then at sentence ends. Each
LangChain ``Document`` carries the chunk's heading path (the document's
title, then the headings of the items that hold it), the index of the 公文
it belongs to in the input, and its start index in the text.
"""

from __future__ import annotations

from typing import Any, Iterable, List, Optional

from langchain_core.documents import Document
from langchain_text_splitters import TextSplitter

from . import chunks


class GongwenTextSplitter(TextSplitter):
    """Splits Chinese official documents by their outline (see the module)."""

    def __init__(self, chunk_size: int = 500, **kwargs: Any) -> None:
        # Chunks follow the outline: they do not overlap.
        kwargs["chunk_overlap"] = 0
        super().__init__(chunk_size=chunk_size, **kwargs)

    def split_text(self, text: str) -> List[str]:
        return [c.text for c in chunks(text, max_chars=self._chunk_size)]

    def create_documents(
        self, texts: Iterable[str], metadatas: Optional[List[dict]] = None
    ) -> List[Document]:
        texts = list(texts)
        metadatas = metadatas or [{} for _ in texts]
        out = []
        for text, metadata in zip(texts, metadatas):
            for c in chunks(text, max_chars=self._chunk_size):
                meta = dict(metadata)
                meta["heading_path"] = list(c.path)
                meta["document"] = c.document
                meta["start_index"] = c.char_span[0]
                out.append(Document(page_content=c.text, metadata=meta))
        return out
