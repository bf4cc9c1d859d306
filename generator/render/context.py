"""The page context the templates see: the page core and the helpers of every kind of page
(the print version holds pages of every kind in one page)."""

from __future__ import annotations

from generator.render.kinds.claims import ClaimsHelpers
from generator.render.kinds.entries import EntryHelpers
from generator.render.kinds.sources import SourceHelpers
from generator.render.kinds.story import StoryHelpers
from generator.render.kinds.updates import UpdateHelpers


class PageContext(SourceHelpers, StoryHelpers, EntryHelpers, ClaimsHelpers, UpdateHelpers):
    """One page being rendered, with every helper a template may call."""
