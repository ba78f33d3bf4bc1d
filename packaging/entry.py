"""The frozen program's entry point: the same `sbq-setup` as the console script."""

import sys

from wizard.app import main

if __name__ == "__main__":
    sys.exit(main())
