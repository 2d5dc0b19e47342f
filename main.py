"""Start the teller trainer desktop app."""

import sys

from trainer.ui.app import run

if __name__ == "__main__":
    sys.exit(run(sys.argv))
