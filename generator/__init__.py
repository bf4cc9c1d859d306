"""Static explainer site generator: ``sources/`` in, Markdown pages for MkDocs out.

Stages, one module each, data flowing one way::

    load -> clean -> validate -> render -> write

``pipeline.run`` ties them together; ``cli`` is the command line.
"""
