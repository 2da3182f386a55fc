"""``python -m sovkg`` runs the command line."""

import sys

from sovkg.cli import main

sys.exit(main())
