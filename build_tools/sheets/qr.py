"""A QR code that leads from paper back to the page online."""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=4096)  # a sheet's address rarely changes; `guides serve` plans sheets on every save
def qr_data_uri(url: str) -> str:
    """An SVG QR code for `url`, as a data: URI for an <img> (no file, no network)."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_data_uri(scale=4, border=0, dark="#000000", light="#ffffff")
