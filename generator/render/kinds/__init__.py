"""One module per kind of page: the jobs that render its pages and the helpers its template calls."""
