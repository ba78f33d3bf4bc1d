"""`python -m wizard` runs the same entry point as the `sbq-setup` console script."""

import sys

from wizard.app import main

sys.exit(main())
