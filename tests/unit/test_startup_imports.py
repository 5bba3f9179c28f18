"""What a lesson's setup cell imports in a fresh interpreter: nothing that costs seconds for no use.

rfc3987_syntax (pulled in by jsonschema >= 4.25's format-nongpl extra) compiled about 35 Lark grammars at import,
0.8 s of every kernel start; pyproject.toml pins jsonschema 4.24.1 to keep it out. This test fails if it comes back.
"""

import json
import subprocess
import sys

SETUP = """
import sys, json
import pandas as pd
import plotly.io._renderers
import plotly.graph_objects as go
import ipywidgets
from alliancelab import check, data, style, widgets
import nbformat, jsonschema, jupyter_events
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('rfc3987_syntax', 'lark'))))
"""


def test_setup_imports_do_not_load_rfc3987_syntax():
    out = subprocess.run([sys.executable, "-c", SETUP], capture_output=True, text=True, timeout=120, check=True)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == [], f"slow grammar modules imported at start-up: {loaded}"
