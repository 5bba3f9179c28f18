"""Explorers for lesson 04."""

__all__: list[str] = []
