"""One writer per output format, escaping by construction: each module takes typed values and
returns the file's text, and no other code of the generator writes these formats (import-linter
contracts in pyproject.toml: ``bibtexparser``, ``rispy``, ``icalendar`` and ``xml`` are imported only
here (``xml`` also by the Markdown extension that edits Markdown's element tree), ``csv`` nowhere, and
in ``generator.render`` only ``json_text`` imports ``json`` to write it).

- ``table``: CSV (RFC 4180 quoting of its own), a text cell a spreadsheet would run prefixed with ``'``;
- ``json_text``: JSON, and JSON for a ``<script>`` element (``<``, ``>``, ``&``, ``'`` as ``\\u`` escapes);
- ``bibtex``: biblatex entries, braces, backslashes and LaTeX specials escaped, line breaks folded;
- ``ris``: one line per tag, line breaks folded, one record per entry;
- ``ics``: iCalendar through the icalendar library (its escaping and line folding);
- ``atom``: an Atom feed through ElementTree (its escaping), what XML 1.0 cannot hold removed.
"""
