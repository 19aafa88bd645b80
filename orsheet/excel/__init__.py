"""Turn the plain orsheet template into the macro workbook Excel users open.

:func:`orsheet.excel.package.add_macros` takes the bytes of the plain
``.xlsm`` that :mod:`orsheet.template` writes and returns the workbook with a
VBA project (``macros/*.bas``/``.cls``), buttons on ``Start``, the ribbon tab
"OR-secretariaat" and the ``xlwings.conf`` sheet; same input, same bytes.
"""
