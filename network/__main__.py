"""``python -m network``: the command line (:mod:`network.cli`)."""

import sys

from .cli import main

sys.exit(main())
