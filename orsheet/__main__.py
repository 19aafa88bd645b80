from orsheet.cli import run

run()
