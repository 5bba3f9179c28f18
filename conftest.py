"""Repository-wide pytest configuration.

Strict mode: every kernel that nbval starts inherits ALLIANCELAB_STRICT=1, so a
wrong model solution in a master notebook raises inside `check(...)` and the
run fails. Student versions hold `...`, which never raises.
"""

import os

os.environ.setdefault("ALLIANCELAB_STRICT", "1")
# Plotly must never try to open a browser or fetch anything while tests run.
os.environ.setdefault("PLOTLY_RENDERER", "plotly_mimetype")
