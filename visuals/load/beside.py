"""Loading a helper module that sits beside a scene module.

Scene modules are loaded by file path, not imported as a package (visuals.load.registry), so a
scene cannot ``import`` the helper beside it (the constellations' glyph generator, the sky's
relief passes the constellations share, the quicksilver's shot schedules).  It loads it the
same way: fresh each time the scene module loads, so a hot reload picks up the helper's edits
too.  A leading underscore on the helper's file name keeps the registry from scanning it as a
scene module of its own.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def load_beside(anchor: str, file_name: str, module_name: str) -> ModuleType:
    """The module ``file_name`` in the folder of ``anchor`` (a scene module's ``__file__``),
    loaded fresh and registered in ``sys.modules`` as ``module_name``."""
    path = Path(anchor).resolve().parent / file_name
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module
