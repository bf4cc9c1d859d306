"""Render stage: the site model into Markdown pages (one Jinja2 template per page kind), the
drawings, the citation formats, the structured data and the open data files.
"""
