"""Cross-checks of the story pages: their texts, the dates of timeline events against what
they cite or the calendar, and figures read back from their quotes."""

from __future__ import annotations

from generator.check.citations import Citations
from generator.check.numerals import read_numbers
from generator.check.statements import check_statement
from generator.check.verbatim import changed_note, quote_found
from generator.model import Cited, Event, Statement, StoryPage, page_statements, refs_in
from generator.model.dates import parse_partial
from generator.model.problems import Problems
from generator.model.words import month_names


def check_event(page: StoryPage, event: Event, cites: Citations, problems: Problems) -> None:
    """A stated date must be printed in what the event cites; an inferred one must say how."""
    if event.reasoning is not None:
        if event.weekday and event.date.weekday() != event.weekday:
            problems.add(
                page.path,
                event.line,
                f"{event.date.iso()} was a {event.date.weekday()}, not a {event.weekday}",
                "check the inferred date",
            )
        elif event.between and event.candidate_years() != [event.date.year]:
            years = ", ".join(map(str, event.candidate_years())) or "none"
            problems.add(
                page.path,
                event.line,
                f"from {event.between[0]} to {event.between[1]} the weekday fits these years: {years}; "
                f"the calendar does not single out {event.date.year}",
                "correct the date or the 'between' range",
            )
        return
    refs = [ref for text in event.text.text.values() for ref in refs_in(text)]
    resolved = [cites.resolver.resolve(ref) for ref in refs]
    cited = [found for found in resolved if isinstance(found, Cited)]
    if len(cited) < len(resolved):
        return  # a citation with problems of its own, reported with the text
    for doc, para in ((found.document, found.paragraph) for found in cited):
        if para is None and doc.meta.date and parse_partial(doc.meta.date) == event.date:
            return
        if para and any(
            form in para.text for months in month_names() for form in event.date.printed_forms(months)
        ):
            return
    problems.add(
        page.path,
        event.line,
        f"the date {event.date.iso()} is not printed in the paragraphs this event cites",
        "cite the paragraph that prints it, or mark the date as inferred and give the reasoning",
    )


def check_figures(
    page: StoryPage, cites: Citations, problems: Problems, symbols: tuple[str, ...] = ()
) -> None:
    """Each figure's quote is in its paragraph and gives its value, read in the cited document's
    language (``symbols``: the currency symbols a number may follow); charts compare like with like."""
    by_id = {}
    for figure in page.figures:
        if figure.id in by_id:
            problems.add(page.path, figure.line, f"two figures have the id '{figure.id}'", "rename one")
        by_id[figure.id] = figure
        hint = "write source: <document>#p<paragraph>"
        resolved = cites.resolve(
            page.path, figure.line, figure.source, f"figure source '{figure.source}'", hint
        )
        if resolved is None:
            continue
        doc, para = resolved.document, resolved.paragraph
        if para is None:
            problems.add(page.path, figure.line, f"figure source '{figure.source}': names no paragraph", hint)
        elif not quote_found(figure.quote, para.text):
            problems.add(
                page.path,
                figure.line,
                f'the words "{figure.quote}" are not in {doc.id} paragraph {para.key}'
                + changed_note(doc, para),
                "copy them exactly from that paragraph",
            )
        elif figure.value not in (numbers := read_numbers(figure.quote, doc.meta.language, symbols)):
            problems.add(
                page.path,
                figure.line,
                f'"{figure.quote}" does not give the value {figure.value:g}',
                f"the numbers in it, read as '{doc.meta.language}' writes them, are "
                f"{', '.join(f'{n:g}' for n in numbers) or 'none'}",
            )
    for chart in page.charts:
        missing = [i for i in chart.figures if i not in by_id]
        if missing:
            problems.add(
                page.path,
                chart.line,
                f"chart '{chart.id}' names unknown figures: {', '.join(missing)}",
                "use the ids of figures on this page",
            )
        elif len({by_id[i].unit for i in chart.figures}) > 1:
            problems.add(
                page.path, chart.line, f"chart '{chart.id}' mixes units", "chart figures of one unit"
            )


def validate_pages(
    pages: list[StoryPage], cites: Citations, keys: set, problems: Problems, symbols: tuple[str, ...] = ()
) -> None:
    for page in pages:
        texts = page_statements(page)
        for section in page.sections:
            heading = Statement(section.heading, {lang: section.line for lang in section.heading})
            check_statement(page.path, heading, cites, keys, problems, cited=False)
        for statement in texts:
            check_statement(page.path, statement, cites, keys, problems, cited=page.factual)
        for event in page.events:
            check_event(page, event, cites, problems)
        check_figures(page, cites, problems, symbols)
