"""Build-time code: what writes the files orsheet ships, never imported when a button is pressed.

Run by ``make template`` (``tools/build_workbook.py`` and
``python -m orsheet.build.word_templates``); the results are committed and the
tests check they equal what these modules build now:

- :mod:`~orsheet.build.contract_workbook`: the plain workbook from the sheet contract
  (sheets, tables, validations, formats, the Start text, default settings);
- :mod:`~orsheet.build.macro_workbook`: adds the VBA project
  (:mod:`~orsheet.build.vba_project`, from ``macros/*.bas``/``.cls``), the form buttons
  (:mod:`~orsheet.build.form_buttons`), the ribbon (:mod:`~orsheet.build.ribbon`) and
  the ``xlwings.conf`` sheet: ``workbooks/orsheet.xlsm``;
- :mod:`~orsheet.build.lite_workbook`: the plain ``.xlsx`` for xlwings Lite, with
  shapes bound to its scripts: ``workbooks/orsheet-lite.xlsx``;
- :mod:`~orsheet.build.word_templates`: ``orsheet/templates/agenda.docx`` and ``minutes.docx``.

At runtime ``orsheet new`` copies the shipped workbooks
(:mod:`orsheet.template_file`); an import-linter contract in ``pyproject.toml``
keeps every runtime module off this package.
"""
