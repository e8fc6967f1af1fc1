"""Data of the readability checks: the plain-words lists and their generated word forms.

`generate.py` (run by hand, never at build time) imports retext-simplify's list
and writes every entry's inflections and UK/US spellings to `forms.json`.
"""
