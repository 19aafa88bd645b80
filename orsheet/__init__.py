"""orsheet: the works council secretary's workbook, driven from Python."""

__version__ = "0.1.0"
