"""Data files of the readability checks (plain-words lists and generated word forms), shipped in the package."""
