"""The typed model that flows through the stages: documents, entries, story pages, the site, dates,
the inline citation syntax, interface words and the problems found on the way. Imports no stage.
"""
