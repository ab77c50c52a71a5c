"""The text of a .docx (Word) document, paragraph by paragraph, tables included, through python-docx.

Intake reads new documents with it and ``verify`` looks quotes up in the same text, so both see
one text. A .docx is a zip: its parts are sized before anything is unpacked, so a zip bomb is
refused instead of filling memory.
"""

from __future__ import annotations

import io
import zipfile

__all__ = ["MAX_UNPACKED_BYTES", "docx_text"]

MAX_UNPACKED_BYTES = 100 * 1024 * 1024


def docx_text(data: bytes) -> str:
    """Paragraphs (and table cells, row by row) joined by newlines; ValueError for a zip that unpacks too big.

    Examples
    --------
    >>> import docx
    >>> d = docx.Document(); _ = d.add_paragraph("Aan de minister"); _ = d.add_paragraph("Geachte heer,")
    >>> buffer = io.BytesIO(); d.save(buffer)
    >>> docx_text(buffer.getvalue())
    'Aan de minister\\nGeachte heer,'
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if sum(info.file_size for info in z.infolist()) > MAX_UNPACKED_BYTES:
            raise ValueError(f"unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    # Body order: paragraphs and tables as they follow each other in the document.
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = []
                for cell in row.cells:
                    if cell.text not in cells:  # a merged cell repeats in every column it spans
                        cells.append(cell.text)
                lines.append("\t".join(cells))
    return "\n".join(lines)
