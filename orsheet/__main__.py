from orsheet.cli import main

main()
