"""alliancelab: the support package of the course "Lips and Teeth: Alliance Politics on the Korean Peninsula".

Plumbing lives here (loading and validating data, widget wiring, answer checking);
the analysis students learn from stays visible in the notebooks.
"""

from .exercises import check

__all__ = ["check"]
__version__ = "0.1.0"
