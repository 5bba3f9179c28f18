"""The guard that :mod:`alliancelab.grade` runs every submission's kernel under.

This folder is put first on the kernel's ``PYTHONPATH``, so Python imports ``sitecustomize.py`` from here when the
kernel starts. See that file for what it blocks. (This ``__init__`` only makes the folder part of the package.)
"""
