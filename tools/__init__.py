"""Maintainer tools: the benchmark, the Lighthouse audit and a local static server."""
