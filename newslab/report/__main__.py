import sys

from newslab.report.cli import main

sys.exit(main())
