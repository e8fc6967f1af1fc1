"""Reading content: front matter, blocks, the glossary, and the Document and Corpus model."""
