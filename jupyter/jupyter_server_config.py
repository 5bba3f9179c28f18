"""JupyterLab settings that ship with the course (passed with --config by the Makefile and the browser tests).

- Loopback only, token authentication (the default token is generated at start and printed).
- No news feed, no update check: nothing calls the network and no pop-up appears.
- Widget state is never saved into notebooks (overrides.json), so notebooks stay small and clean.
"""

from pathlib import Path

c = get_config()  # noqa: F821  (provided by Jupyter when it loads this file)

HERE = Path(__file__).resolve().parent

c.ServerApp.ip = "127.0.0.1"
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.app_settings_dir = str(HERE / "app-settings")
# Learners should not be nudged to install extensions from the network in class.
c.LabApp.extension_manager = "readonly"
