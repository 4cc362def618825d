"""Entry point for the frozen app (PyInstaller): the same `prepub` command as `uv run prepub`."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from prepub.cli import main

    sys.exit(main())
