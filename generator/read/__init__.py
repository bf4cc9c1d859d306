"""Read stage: ``sources/`` (and what git knows of it) into the model. YAML with line numbers,
the site's configuration, documents and their cleaning, paragraph records, entries and story pages.
"""
