"""Everything specific to MkDocs and Material: the site build, hooks and theme overrides.

The rest of the generator only writes Markdown files; another builder could read them.
"""
