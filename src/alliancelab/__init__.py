"""alliancelab: the support package of the course "Lips and Teeth: Alliance Politics on the Korean Peninsula".

Plumbing lives here (loading and validating data, widget wiring, answer checking);
the analysis students learn from stays visible in the notebooks.
"""

import os as _os

from .exercises import check, outcome, predict

if _os.environ.get("ALLIANCELAB_STATIC_HTML") == "1":  # `make book`: widgets shown as static HTML (see site.py)
    from .site import enable_static_widgets as _enable

    _enable()

__all__ = ["check", "predict", "outcome"]
__version__ = "0.1.0"
