"""One module per group of CLI commands; see ``orsheet.cli.COMMANDS``."""
