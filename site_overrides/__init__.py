"""The theme layer (Material overrides, stylesheet, script, font), shipped as `build_tools.theme`.

A package only so the wheel carries it and `importlib.resources` finds it; see pyproject.toml.
"""
