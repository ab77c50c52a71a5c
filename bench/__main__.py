"""``python -m bench``: time the pipeline (:mod:`bench.benchmark`)."""

import sys

from .benchmark import main

sys.exit(main())
