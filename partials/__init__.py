"""Jinja templates for sheets and the landing page, shipped as `build_tools.templates`.

A package only so the wheel carries it and `importlib.resources` finds it; see pyproject.toml.
"""
