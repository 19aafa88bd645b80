"""Documents made from the workbook: context building apart from rendering.

``*_context`` modules turn model objects into plain, already formatted Dutch
text (no I/O); :mod:`orsheet.documents.render` fills the Word templates in
``orsheet/templates`` and converts to PDF with LibreOffice.
"""
