"""Static explainer site generator: ``sources/`` in, Markdown pages for MkDocs out.

One package per stage, data flowing one way (``tests/test_architecture.py`` holds the rule)::

    model <- read -> check -> link -> render -> publish

``pipeline`` runs the stages, one call each; ``maintain`` holds the maintainer commands beside it;
``cli`` is the command line.
"""
