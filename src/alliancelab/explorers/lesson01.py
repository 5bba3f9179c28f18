"""Explorers for lesson 01."""

__all__: list[str] = []
