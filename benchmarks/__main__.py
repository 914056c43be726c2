"""`python -m benchmarks`: run every benchmark (see run.py)."""

import sys

from benchmarks.run import main

sys.exit(main())
