"""Explorers for lesson 03."""

__all__: list[str] = []
