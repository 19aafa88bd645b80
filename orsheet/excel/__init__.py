"""The Excel edge at runtime: the actions behind the buttons and ``orsheet setup-excel``.

:mod:`~orsheet.excel.actions` is the one list of buttons (read by the Lite
buttons and by the builders), :mod:`~orsheet.excel.conf_sheet` the
``xlwings.conf`` sheet and :mod:`~orsheet.excel.setup` points it at this Python.
The macro workbook itself (VBA project, form buttons, ribbon) is built at build
time by :mod:`orsheet.build`.
"""
