import sys

from prepub.cli import main

sys.exit(main())
