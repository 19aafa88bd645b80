"""Action tables in minutes: the status of existing actions, read by row.

Many secretaries paste the action list into the minutes as a table
("Datum Omschrijving Naam Einddatum Voltooid", "Nr Actie Wie Status"). Such
a table reports on actions that exist; it never creates new ones. A row
marked done becomes a sentence the minutes grammar already reads: "Actie 325
(Overdracht): afgerond." or, without a number, "<omschrijving> is afgerond."
(matched against the open actions' text later, as a suggestion). Other rows
say nothing.

Word tables arrive as cells (:func:`table_paragraphs`). Text and PDF text
arrive as lines (:func:`read_text_table`): the header line names the
columns, a row may wrap over several lines, and the cells are told apart by
what they hold (a number, a date, a done mark), because PDF text keeps only
single spaces between them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from orsheet.minutes.proposal import Paragraph
from orsheet.minutes.vocabulary import STATUS_DONE

DONE_MARKS = {*STATUS_DONE, "ja", "x", "✓", "✔"}  # the words a sentence closes with, and the marks of a table
# A status cell of a row still open: it ends the row as a done mark does, and closes nothing.
OPEN_MARKS = {"loopt", "lopend", "open", "nee", "bezig", "pm", "p.m.", "-", "–", "doorlopend", "uitgesteld"}
_COLUMNS = {
    "number": ("nr", "nr.", "nummer", "actienr", "#"),
    "text": ("omschrijving", "actie", "actiepunt", "wat", "taak", "onderwerp"),
    "done": ("status", "voltooid", "gereed", "afgerond", "klaar", "done"),
    "date": ("datum", "einddatum", "deadline", "wanneer", "streefdatum", "startdatum", "d.d."),
    "name": ("naam", "wie", "verantwoordelijke", "eigenaar", "actiehouder", "door"),
}
_KIND = {word: kind for kind, words in _COLUMNS.items() for word in words}
_DATE = re.compile(r"^\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?$")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_CELL_GAP = re.compile(r"\t|\s{2,}")
_MOST_LINES_PER_ROW = 8  # a description wrapped in a narrow column; more is text below the table


def _column(header: Sequence[str], kind: str) -> int | None:
    return next((index for index, text in enumerate(header) if _KIND.get(text) == kind), None)


def is_action_table(header: Sequence[str]) -> bool:
    """A done column and a number or description column (header cells casefolded)."""
    return _column(header, "done") is not None and (
        _column(header, "number") is not None or _column(header, "text") is not None
    )


def header_cells(cells: Sequence[str]) -> list[str]:
    return [text.casefold().strip(" :") for text in cells]


def action_table_paragraphs(rows: Sequence[Sequence[str]], header: Sequence[str]) -> list[Paragraph]:
    """The closures the body ``rows`` report (``header``: casefolded header cells)."""
    number, done, text = _column(header, "number"), _column(header, "done"), _column(header, "text")
    paragraphs = []
    for row in rows:
        mark = row[done].casefold() if done < len(row) else ""
        if mark not in DONE_MARKS and not _DATE.match(mark):
            continue  # open, or still to do: the action stays as it is
        what = row[text] if text is not None and text < len(row) else ""
        what = _SENTENCE_END.sub(";", what).strip(" ;")  # one cell stays one sentence
        if number is not None and number < len(row) and row[number].isdigit():
            about = f" ({what})" if what else ""
            paragraphs.append(Paragraph(f"Actie {row[number]}{about}: afgerond."))
        elif what:
            paragraphs.append(Paragraph(f"{what} is afgerond."))
    return paragraphs


# ---------------------------------------------------------------- text tables

def text_header(line: str) -> list[str] | None:
    """The columns of an action table's header line, or None for any other line.

    Every word must be a known column name (so a sentence never is one), at
    least three columns, and the columns must make an action table.
    """
    cells = [c for c in _CELL_GAP.split(line.strip()) if c]
    words = header_cells(cells if len(cells) > 1 else line.split())
    if len(words) < 3 or len(words) > 8 or any(w not in _KIND for w in words):
        return None
    return words if is_action_table(words) else None


def read_text_table(lines: Sequence[str], header: Sequence[str], is_heading: Callable[[str], int]) -> tuple[list[Paragraph], int]:
    """The closures in the rows under a header line, and how many lines the rows take.

    The rows end at a blank line, at a heading (``is_heading``) that does not
    end a row, after a complete row (one that ended in its last column's date
    or done mark) at a line that cannot start a row, and before a row that
    runs on for more lines than a wrapped cell takes (then it is no row).
    """
    first = _KIND[header[0]]
    rows: list[list[str]] = []
    used = 0
    complete = False
    for line in lines:
        text = line.strip()
        if not text:
            break
        ends = _ends_row(text, header)
        starts = _starts_row(text, first)
        if is_heading(text) and not ends and (complete or not starts or not rows):
            break
        if rows and complete and not starts:
            break
        if starts or not rows:
            rows.append([text])
        elif len(rows[-1]) == _MOST_LINES_PER_ROW:
            used -= len(rows.pop())
            break
        else:
            rows[-1].append(text)
        complete = ends
        used += 1
    cells = [_row_cells(" ".join(parts), header) for parts in rows]
    return action_table_paragraphs(cells, header), used


def _starts_row(text: str, kind: str) -> bool:
    return _fits(text.split()[0], kind)


def _ends_row(text: str, header: Sequence[str]) -> bool:
    last = text.split()[-1]
    return bool(_DATE.match(last)) or (last.casefold() in DONE_MARKS | OPEN_MARKS and _KIND[header[-1]] == "done")


def _row_cells(text: str, header: Sequence[str]) -> list[str]:
    """One row's cells: split at tabs or wide gaps, else by what the outer columns hold."""
    cells = [c.strip() for c in text.split("\t")]  # a tab-separated export keeps its empty cells
    if len(cells) != len(header):
        cells = [c.strip() for c in _CELL_GAP.split(text) if c.strip()]
    if len(cells) == len(header):
        return cells
    tokens = text.split()
    row = [""] * len(header)
    left, right = 0, len(header) - 1
    while left <= right and _KIND[header[left]] in ("number", "date") and tokens:
        if _fits(tokens[0], _KIND[header[left]]):  # an empty cell leaves the token to the next column
            row[left] = tokens.pop(0).rstrip(".") if _KIND[header[left]] == "number" else tokens.pop(0)
        left += 1
    trailing_dates = _count_from_end(tokens, _DATE.match)
    while right >= left and _KIND[header[right]] in ("done", "date") and tokens:
        kind = _KIND[header[right]]
        if kind == "done":
            dates_before = _count_from_end(header[left:right], lambda column: _KIND[column] == "date")
            last = tokens[-1]
            if last.casefold() in DONE_MARKS | OPEN_MARKS or (_DATE.match(last) and trailing_dates > dates_before):
                row[right] = tokens.pop()
        elif _DATE.match(tokens[-1]):
            row[right] = tokens.pop()
        right -= 1
    if left <= right and _KIND[header[right]] == "name" and len(tokens) > 1 and _looks_like_name(tokens[-1]):
        row[right] = tokens.pop()
        right -= 1
    text_column = _column(header, "text")
    if text_column is not None:
        row[text_column] = " ".join(tokens)
    return row


def _fits(token: str, kind: str) -> bool:
    """Whether ``token`` can be a cell of a column of ``kind`` that holds numbers or dates."""
    if kind == "number":
        return token.rstrip(".").isdigit()
    if kind == "date":
        return bool(_DATE.match(token))
    return True  # a column of text or names: a first column of text starts a row on every line


def _count_from_end(items: Sequence, test) -> int:
    """How many items at the end of ``items`` pass ``test`` (up to the first that does not)."""
    count = 0
    for item in reversed(items):
        if not test(item):
            break
        count += 1
    return count


def _looks_like_name(token: str) -> bool:
    """A first name or initials ("Marlijn", "DW/MZ"), as a name column holds them."""
    return token[:1].isupper() and token.strip(".,/").replace("/", "").isalpha()
