"""`guides import`: Word documents -> pages in our structured Markdown (docs/importing.md)."""

from build_tools.importer.read import BadDocument
from build_tools.importer.write import ImportRefused, ImportResult, import_documents

__all__ = ["BadDocument", "ImportRefused", "ImportResult", "import_documents"]
