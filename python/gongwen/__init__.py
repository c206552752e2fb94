"""The outline of Chinese official documents (公文) as a typed tree.

``parse`` reads a text (``str``, or ``bytes`` in UTF-8, UTF-16 with BOM or
GB18030) into a ``Compilation`` of ``Document``s and their numbered
``Item``s; ``chunks`` splits it for a retrieval index; ``lint`` checks its
numbering and GB/T 9704 frame. Spans are given as ``char_span`` (indices
into the Python string) and ``byte_span`` (offsets into its UTF-8 bytes,
as the JSON gives them).
"""

from ._gongwen import (
    JSON_VERSION,
    Chunk,
    Compilation,
    DecodeError,
    Diagnostic,
    Document,
    GongwenError,
    InputTooLarge,
    Item,
    chunks,
    lint,
    parse,
    parse_many,
)

__all__ = [
    "JSON_VERSION",
    "Chunk",
    "Compilation",
    "DecodeError",
    "Diagnostic",
    "Document",
    "GongwenError",
    "InputTooLarge",
    "Item",
    "chunks",
    "lint",
    "parse",
    "parse_many",
]
