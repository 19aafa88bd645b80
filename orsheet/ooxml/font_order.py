"""The children of every <font> in styles.xml in schema order, as Excel writes them.

``CT_Font`` is a sequence in the Open XML SDK's schema; openpyxl writes name and family
first, which the SDK validator rejects. Used on every styles part openpyxl writes: the
template workbook build and the Woo lists.
"""

from __future__ import annotations

import re

_FONT_ORDER = (b"b", b"i", b"strike", b"condense", b"extend", b"outline", b"shadow", b"u", b"vertAlign", b"sz",
               b"color", b"name", b"family", b"charset", b"scheme")
_FONT = re.compile(rb"<font>(.*?)</font>", re.DOTALL)
_FONT_CHILD = re.compile(rb"<(\w+)\b[^>]*/>")


def order_font_children(styles: bytes) -> bytes:
    """xl/styles.xml with the children of every <font> in schema order (openpyxl writes only empty ones)."""

    def reorder(match: re.Match) -> bytes:
        children = _FONT_CHILD.findall(match[1])
        pieces = [m.group(0) for m in _FONT_CHILD.finditer(match[1])]
        if b"".join(pieces) != match[1].strip() or len(pieces) != len(children):
            return match[0]  # not the simple form openpyxl writes: leave it
        ranked = sorted(zip(children, pieces), key=lambda pair: _FONT_ORDER.index(pair[0])
                        if pair[0] in _FONT_ORDER else len(_FONT_ORDER))
        return b"<font>" + b"".join(piece for _, piece in ranked) + b"</font>"

    return _FONT.sub(reorder, styles)
