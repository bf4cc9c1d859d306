"""Link stage: resolve citations, find where entries are mentioned, and who cites what."""
