"""``python -m kg``: the same command line as the ``kg`` script.

>>> "build" in main.commands and "eval" in main.commands
True
"""

from kg.cli import main

if __name__ == "__main__":
    main(prog_name="kg")
