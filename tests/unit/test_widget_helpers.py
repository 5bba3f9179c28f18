"""walk / find_control: how tests, the bench and the site find an explorer's controls."""

import ipywidgets
import pytest

from alliancelab import widgets


def test_find_control_finds_by_label_and_kind_and_says_when_missing():
    inner = ipywidgets.IntSlider(description="Year")
    label_only = ipywidgets.HTML(description="Year")
    box = ipywidgets.VBox([ipywidgets.HBox([label_only]), ipywidgets.HBox([inner])])
    assert [type(w).__name__ for w in widgets.walk(box)] == ["VBox", "HBox", "HTML", "HBox", "IntSlider"]
    assert widgets.find_control(box, "Year", ipywidgets.IntSlider) is inner
    assert widgets.find_control(box, "Year") is label_only  # first in depth-first order
    with pytest.raises(LookupError, match="no control 'Month'"):
        widgets.find_control(box, "Month")
