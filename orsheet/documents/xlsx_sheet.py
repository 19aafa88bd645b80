"""Sheets orsheet writes through openpyxl, laid out alike: the template workbook (build time,
:mod:`orsheet.build.contract_workbook`) and the Woo lists (:mod:`orsheet.documents.woo_lists`).

The sheets the file backend adds (:mod:`orsheet.workbook.generated`) are written as XML with
the same print layout.
"""

from __future__ import annotations

FILTER_BUTTON_WIDTH = 3  # characters a table's filter button covers at the right of a header


def print_one_page_wide(sheet, orientation: str = "landscape", title_rows: str | None = "1:1") -> None:
    """A4, one page wide and as many pages down as it takes, ``title_rows`` repeated on every page."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows
