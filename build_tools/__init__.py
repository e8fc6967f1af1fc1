"""accessible-guides: structured Markdown to accessible sites, easy-read pages and printable sheets."""
