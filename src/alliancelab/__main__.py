"""python -m alliancelab COMMAND (see alliancelab.cli)."""

from .cli import main

raise SystemExit(main())
