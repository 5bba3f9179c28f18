"""Editions built once per test session, into temporary folders (never into the repository's build/)."""

from __future__ import annotations

import pytest

from alliancelab.student import EDITIONS, build_edition
from tests.helpers import ROOT


@pytest.fixture(scope="session")
def editions(tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    return {name: build_edition(name, ROOT, out / name) for name in EDITIONS}
