"""Maintainer commands beside the pipeline: corrections to a source, scaffolding of new files and
the change report for a pull request.
"""
