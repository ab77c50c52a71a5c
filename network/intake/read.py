"""A document's text, with the page each character is on: .txt, .md, .pdf (pypdf) and .docx (python-docx).

The text is the one ``network.verify`` looks quotes up in (for a PDF, the pages' text joined by
newlines), so a quote cut from it here is found there. Every failure is an ``IntakeError`` whose
message a person can act on: a scanned PDF, an encrypted one, a file too big, a format not read.
"""

from __future__ import annotations

import bisect
import io
import logging
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

__all__ = ["READABLE", "MAX_BYTES", "MAX_CHARS", "MAX_PAGES", "IntakeError", "Document", "read_document"]

READABLE = (".txt", ".md", ".pdf", ".docx")
# The app's upload limit: what a browser may send, the command line may read.
MAX_BYTES = 20 * 1024 * 1024
# A letter or position paper is a few pages; past these the work (and memory) is not worth it and
# the file is most likely not one document.
MAX_CHARS = 400_000
MAX_PAGES = 300
# A PDF page with fewer letters than this has no text layer (a scan) as far as intake is concerned.
_MIN_LETTERS_PER_PAGE = 20


class IntakeError(Exception):
    """A document intake cannot read; the message says why and what to do."""


@dataclass
class Document:
    """A document's name, its text and where each page starts in it (page 1 at offset 0)."""

    name: str
    text: str
    page_starts: list[int] = field(default_factory=lambda: [0])

    def page(self, offset: int) -> int:
        """The page (from 1) on which the character at ``offset`` stands.

        Examples
        --------
        >>> Document("a.pdf", "one\\ntwo", [0, 4]).page(5)
        2
        """
        return bisect.bisect_right(self.page_starts, offset)

    @property
    def pages(self) -> int:
        return len(self.page_starts)


def read_document(name: str, data: bytes) -> Document:
    """Read ``data`` as the kind of file ``name`` ends with; IntakeError saying why it cannot be read.

    Examples
    --------
    >>> read_document("brief.txt", "Aan de minister".encode()).text
    'Aan de minister'
    >>> read_document("scan.jpg", b"")
    Traceback (most recent call last):
    ...
    network.intake.read.IntakeError: scan.jpg: only .txt, .md, .pdf, .docx documents are read
    """
    suffix = PurePath(name).suffix.casefold()
    if suffix not in READABLE:
        raise IntakeError(f"{name}: only {', '.join(READABLE)} documents are read")
    if len(data) > MAX_BYTES:
        raise IntakeError(f"{name}: is {len(data) / 2**20:.0f} MB; at most {MAX_BYTES // 2**20} MB is read")
    if suffix == ".pdf":
        doc = _pdf(name, data)
    elif suffix == ".docx":
        doc = Document(name, _docx(name, data))
    else:
        doc = Document(name, _plain(name, data))
    if len(doc.text) > MAX_CHARS:
        raise IntakeError(
            f"{name}: holds {len(doc.text):,} characters of text; intake reads documents up to {MAX_CHARS:,} "
            "(a letter or paper, not a book): split it and read the part that matters"
        )
    if not doc.text.strip():
        raise IntakeError(f"{name}: has no text")
    return doc


def _plain(name: str, data: bytes) -> str:
    if b"\0" in data[:4096]:
        raise IntakeError(f"{name}: is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Dutch Windows text, as verify reads it


def _pdf(name: str, data: bytes) -> Document:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # real-world PDFs log many recoverable oddities
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise IntakeError(f"{name}: the PDF is encrypted; save a copy without a password and read that")
        if len(reader.pages) > MAX_PAGES:
            raise IntakeError(f"{name}: has {len(reader.pages)} pages; intake reads documents up to {MAX_PAGES} pages")
        pages = []
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_CHARS:
                raise IntakeError(f"{name}: holds more than {MAX_CHARS:,} characters of text; split it")
            pages.append(text)
    except IntakeError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a broken file; none may become a traceback
        raise IntakeError(f"{name}: not a readable PDF ({type(exc).__name__})") from None
    if sum(sum(ch.isalpha() for ch in p) for p in pages) < _MIN_LETTERS_PER_PAGE * len(pages):
        raise IntakeError(
            f"{name}: the PDF has no text layer (a scan?); run it through OCR first, or paste its text into a .txt file"
        )
    starts, offset = [], 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 1
    # Joined by newlines as network.verify joins them, so its quotes are found there.
    return Document(name, "\n".join(pages), starts)


def _docx(name: str, data: bytes) -> str:
    try:
        from ..io.docx import docx_text

        return docx_text(data)
    except zipfile.BadZipFile:
        raise IntakeError(f"{name}: not a readable .docx (not a zip file)") from None
    except IntakeError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
        raise IntakeError(f"{name}: not a readable .docx ({type(exc).__name__})") from None
