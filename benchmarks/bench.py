"""How fast is orsheet on ten years of council history, next to the library floors?

Run ``python benchmarks/bench.py [--json]`` (or ``make bench``). It generates a
workbook reproducibly (fixed seed: N actions of which a tenth still open,
N/5 decisions, N/20 meetings with six agenda items each) and measures, with
the median of several repetitions:

1. reading every sheet into model objects through orsheet, against the
   floor: python-calamine reading the same cells;
2. ``orsheet agenda`` end to end for the newest meeting (Word document and
   Agenda sheet; without the PDF, which LibreOffice alone needs seconds for);
3. closing 10 actions (read, rules, save) against openpyxl's own
   load + save of the same workbook; and again on the workbook as a
   secretary edits it in Excel: notes on 100 action rows and a calculated
   column in the Acties table (rows move with their notes, formulas follow).
   With the PDF too, next to the LibreOffice floor: a bare
   ``soffice --convert-to pdf`` of the same .docx (fresh profile each time, as
   orsheet does); the PDF's cost over the agenda without PDF is reported as a
   ratio to that floor. Where Word makes the PDF the target is +0.5 s;
4. process start-up of ``orsheet --help`` and ``orsheet actions --json``, and
   whether heavy libraries (pandas, openpyxl) were imported for ``--help``;
5. peak memory (high-water resident set size) of a fresh process that
   reads the workbook into the model (interpreter and imports included).

It then repeats the read and save measurements at other sizes to show how
time grows. ``--json`` prints one JSON object with every figure and a
``targets_met`` entry per target.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, time as clock, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orsheet import schema  # noqa: E402

TARGETS = {
    "read_ratio": 2.0,  # orsheet read / calamine floor
    "agenda_seconds": 1.0,
    "save_ratio": 1.2,  # close 10 actions / openpyxl load+save
    "save_edited_ratio": 0.1,  # the same on the workbook with notes and a calculated column
    "help_seconds": 0.3,
    "peak_memory_mb": 200.0,
    "minutes_preview_seconds": 0.5,  # a 20-page .docx: read, parse, plan against the workbook model
}
PDF_OVERHEAD_WITH_WORD = 0.5  # seconds the PDF may add to the agenda where Word makes it
PEOPLE = [f"Lid {chr(65 + n % 26)}{n // 26 or ''}" for n in range(30)]
SUBJECTS = ["Werkdruk", "Thuiswerken", "Reorganisatie", "Scholing", "Jaarplan", "Verzuim", "Roosters", "Begroting"]
START = date(2014, 1, 9)
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


# -- the workbook ------------------------------------------------------------


def generate(path: Path, actions: int, seed: int = 2023) -> Path:
    """Write a full orsheet workbook with ``actions`` actions to ``path``."""
    from orsheet.build.contract_workbook import build_workbook, save_template

    noise = random.Random(seed)
    book = build_workbook()
    start = START
    open_count = max(10, actions // 10)
    rows = [_action(n, noise, start) for n in range(1, actions + 1)]
    archived = [r[:8] + ["afgerond", "", r[5] + timedelta(days=30)] for r in rows[: actions - open_count]]
    still_open = [r[:9] + [None] for r in rows[actions - open_count :]]
    _fill(book, schema.ACTIONS, still_open)
    _fill(book, schema.ARCHIVE, archived)
    _fill(book, schema.DECISIONS, [_decision(n, noise, start) for n in range(1, actions // 5 + 1)])
    meetings = [_meeting(n, start) for n in range(max(1, actions // 20))]
    _fill(book, schema.MEETINGS, meetings)
    _fill(book, schema.AGENDA_ITEMS, [_item(m[0], k, noise) for m in meetings for k in range(1, 7)])
    _fill(book, schema.PEOPLE, [[p, "Lid OR", "nee", f"lid{n}@voorbeeld.example"] for n, p in enumerate(PEOPLE)])
    settings = book[schema.SETTINGS.name]
    for row in settings.iter_rows(min_row=2):
        if row[0].value == schema.SETTING_LAST_NUMBER:
            row[1].value = actions
    save_template(book, path)
    return path


NOTED_ROWS = 100
CALCULATED = "Dagen tot deadline"


def generate_edited(path: Path, actions: int, seed: int = 2023) -> Path:
    """The benchmark workbook as edited in Excel: notes on 100 action rows, a calculated column in Acties."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import TableColumn, TableFormula

    generate(path, actions, seed)
    book = openpyxl.load_workbook(path, keep_vba=True)
    sheet = book[schema.ACTIONS.name]
    table = sheet.tables[schema.ACTIONS.table]
    column = len(schema.ACTIONS.headers) + 1
    last = sheet.max_row
    formula = f"{schema.ACTIONS.table}[[#This Row],[{schema.DEADLINE_DATE}]]-{schema.ACTIONS.table}[[#This Row],[{schema.DATUM}]]"
    sheet.cell(1, column, CALCULATED)
    for row in range(2, last + 1):
        sheet.cell(row, column, "=" + formula)
    for row in range(2, min(last, NOTED_ROWS + 1) + 1):
        sheet.cell(row, 2).comment = Comment(f"notitie bij rij {row}", "Secretaris")
    table.ref = f"A1:{get_column_letter(column)}{last}"
    table.autoFilter.ref = table.ref
    table.tableColumns.append(TableColumn(id=column, name=CALCULATED, calculatedColumnFormula=TableFormula(attr_text=formula)))
    book.save(path)
    return path


def _action(n: int, noise: random.Random, start: date) -> list:
    day = start + timedelta(days=n * 3650 // 10_000)
    deadline = noise.choice([day + timedelta(days=21), "eind okt", "na de zomer", ""])
    kind = noise.choice(schema.model.MEETING_KINDS[:2])
    subject = noise.choice(SUBJECTS)
    text = f"{subject}: {noise.choice(['navragen', 'uitzoeken', 'bespreken', 'terugkoppelen'])} ({n})"
    return [n, subject, text, noise.choice(PEOPLE), kind, day, deadline, noise.choice(["", "in behandeling"]), ""]


def _decision(n: int, noise: random.Random, start: date) -> list:
    day = start + timedelta(days=n * 3650 // 2000)
    subject = noise.choice(SUBJECTS)
    return [n, day, noise.choice(schema.model.MEETING_KINDS[:2]), subject, f"De OR besluit over {subject.lower()}.", ""]


def _meeting(n: int, start: date) -> list:
    day = start + timedelta(days=7 * n)
    kind = schema.model.MEETING_KINDS[n % 2]
    return [day, kind, clock(10), clock(11, 30), "Vergaderruimte", PEOPLE[0], PEOPLE[1], "OR", ""]


def _item(day: date, k: int, noise: random.Random) -> list:
    return [day, str(k), noise.choice(SUBJECTS), 10 + 5 * (k % 3), noise.choice(PEOPLE), "Ter bespreking", ""]


def _fill(book, spec: schema.SheetSpec, rows: list[list]) -> None:
    from openpyxl.utils import get_column_letter

    sheet = book[spec.name]
    formats = [{"date": schema.DATE_FORMAT, "time": schema.TIME_FORMAT}.get(c.kind) for c in spec.columns]
    for number, values in enumerate(rows, start=2):
        for column, (value, fmt) in enumerate(zip(values, formats), start=1):
            cell = sheet.cell(number, column, value if value != "" else None)
            if fmt and value not in (None, ""):
                cell.number_format = fmt
    table = sheet.tables[spec.table]
    table.ref = f"A1:{get_column_letter(len(spec.columns))}{max(2, len(rows) + 1)}"
    if table.autoFilter is not None:
        table.autoFilter.ref = table.ref


# -- measurements --------------------------------------------------------------


def median_time(work, repeat: int, setup=None) -> float:
    times = []
    for _ in range(repeat):
        argument = setup() if setup else None
        begin = time.perf_counter()
        work(argument) if setup else work()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def interleaved_medians(works: list, repeat: int, setup=None) -> list[float]:
    """Median seconds of each work, run in turns so a busy machine slows them alike.

    With ``setup``, each run gets a fresh argument made outside the timing (a copy of a workbook).
    """
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, spent in zip(works, times):
            argument = setup() if setup else None
            begin = time.perf_counter()
            work(argument) if setup else work()
            spent.append(time.perf_counter() - begin)
    return [statistics.median(spent) for spent in times]


def read_model(path: Path) -> int:
    """Every sheet into model objects, the way the services do it."""
    from orsheet import records
    from orsheet.workbook.file import FileBackend

    converters = records.READERS
    tables = FileBackend(path).read(list(converters))
    return sum(len(converters[name](table)) for name, table in tables.items())


def read_floor(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    names = [s.name for s in schema.DATA_SHEETS]
    return sum(len(book.get_sheet_by_name(name).to_python()) for name in names)


def ten_numbers(path: Path) -> list[int]:
    """Ten action numbers spread over Acties: what the secretary closes (chosen before the timing)."""
    from orsheet.workbook.file import FileBackend

    table = FileBackend(path).read([schema.ACTIONS.name])[schema.ACTIONS.name]
    return [int(row.values[schema.NR]) for row in table.rows[:: max(1, len(table.rows) // 10)]][:10]


def closing(numbers: list[int]):
    """Close ``numbers`` in a workbook through the service: read, rules, one save."""
    def close(path: Path) -> None:
        from orsheet.services.actions import close_actions
        from orsheet.workbook.file import FileBackend

        close_actions(FileBackend(path), numbers, date(2024, 1, 1))

    return close


def openpyxl_round_trip(path: Path) -> None:
    import openpyxl

    openpyxl.load_workbook(path, keep_vba=True).save(path)


def fresh_copy(source: Path, folder: Path):
    def make() -> Path:
        target = folder / f"kopie-{time.perf_counter_ns()}.xlsm"
        shutil.copyfile(source, target)
        return target

    return make


def process_seconds(args: list[str], repeat: int) -> float:
    command = [sys.executable, "-m", "orsheet", *args]
    trial = subprocess.run(command, env=ENV, capture_output=True, text=True)
    if trial.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {trial.stderr or trial.stdout}")
    return median_time(lambda: subprocess.run(command, env=ENV, capture_output=True, check=False), repeat)


def heavy_imports_at_help() -> list[str]:
    code = (
        "import sys\nfrom orsheet.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(','.join(m for m in ('pandas', 'openpyxl', 'python_calamine', 'xlwings') if m in sys.modules),"
        " file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True)
    return [m for m in result.stderr.strip().splitlines()[-1:][0].split(",") if m] if result.stderr.strip() else []


_PEAK_CODE = """
import resource, sys
sys.path.insert(0, sys.argv[2])
from benchmarks.bench import read_model
read_model(sys.argv[1])
try:  # this process's own high-water mark; ru_maxrss also counts the parent it was forked from
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")))
except OSError:
    divisor = 1024 if sys.platform == "darwin" else 1
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // divisor)
"""


def peak_memory_mb(path: Path) -> float:
    """Peak resident memory (MB) of a fresh process that reads the workbook into the model."""
    result = subprocess.run(
        [sys.executable, "-c", _PEAK_CODE, str(path), str(ROOT)], env=ENV, capture_output=True, text=True, check=True
    )
    return int(result.stdout.strip().splitlines()[-1]) / 1024


def last_meeting(actions: int) -> tuple[date, str]:
    """Date and kind of the newest meeting :func:`generate` writes."""
    n = max(1, actions // 20) - 1
    row = _meeting(n, START)
    return row[0], row[1]


def agenda_seconds(path: Path, actions: int, repeat: int) -> float | None:
    """``orsheet agenda`` for the newest meeting: Word document and Agenda sheet (no PDF)."""
    from orsheet.cli import COMMANDS

    if "agenda" not in COMMANDS:
        return None
    day, kind = last_meeting(actions)
    args = ["agenda", str(path), "--meeting", day.isoformat(), "--kind", kind, "--no-pdf", "--json"]
    return process_seconds(args, repeat)


def agenda_pdf_seconds(path: Path, actions: int, repeat: int) -> tuple[float | None, str]:
    """``orsheet agenda`` with the PDF (engine chosen as for the user), and that engine's name."""
    from orsheet.documents.pdf import choose_engine

    engine, _ = choose_engine()
    if engine is None:
        return None, "none"
    day, kind = last_meeting(actions)
    args = ["agenda", str(path), "--meeting", day.isoformat(), "--kind", kind, "--json"]
    return process_seconds(args, repeat), engine


def libreoffice_floor_seconds(docx: Path, repeat: int) -> float | None:
    """A bare ``soffice --convert-to pdf`` of ``docx`` with a fresh private profile: LibreOffice's own cost."""
    from orsheet.documents.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None or not docx.exists():
        return None

    def convert() -> None:
        with tempfile.TemporaryDirectory(prefix="orsheet-bench-lo-") as work:
            subprocess.run([soffice, f"-env:UserInstallation={Path(work, 'profile').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", work, str(docx)], capture_output=True, check=True,
                           timeout=300)

    return median_time(convert, repeat)


MINUTES_PAGES = 20
WORDS_PER_PAGE = 500


def minutes_document(path: Path, pages: int = MINUTES_PAGES) -> Path:
    """A .docx of ``pages`` pages of minutes: the council's own minutes and other councils', in turn."""
    import docx

    sources = sorted((ROOT / "tests" / "data" / "minutes").glob("notulen-*.txt"))
    text = [line for source in sources for line in source.read_text(encoding="utf-8").splitlines()]
    document = docx.Document()
    document.add_paragraph("Verslag OR-vergadering 12 oktober 2023")
    words, rounds = 0, 0
    while words < pages * WORDS_PER_PAGE:
        rounds += 1
        document.add_heading(f"{rounds}. Ronde {rounds}", level=1)
        for line in text:
            if line.strip():
                # Each round's text differs a little, so no cache sees a paragraph twice.
                document.add_paragraph(f'{line.strip().lstrip("#*- ").strip("*")} Ronde {rounds}.')
                words += len(line.split())
    document.save(path)
    return path


def minutes_preview_seconds(path: Path, folder: Path, repeat: int) -> float:
    """The preview of a 20-page minutes document against the workbook's model (read once, in memory)."""
    from orsheet.services.minutes import process_minutes
    from orsheet.workbook.memory import MemoryBackend
    from orsheet.workbook.file import FileBackend

    source = FileBackend(path)
    tables = source.read(source.sheet_names())
    backend = MemoryBackend({name: [t.header, *([row.get(h) for h in t.header] for row in t.rows)]
                             for name, t in tables.items()})
    minutes = minutes_document(folder / "notulen-20-paginas.docx")
    return median_time(lambda: process_minutes(backend, minutes, date(2023, 10, 12)), repeat)


def measure(actions: int, folder: Path, repeat: int, full: bool) -> dict:
    path = generate(folder / f"raad-{actions}.xlsm", actions)
    copies = fresh_copy(path, folder)
    figures: dict = {"actions": actions, "file_mb": round(path.stat().st_size / 1e6, 2)}
    figures["read_orsheet_s"], figures["read_floor_s"] = interleaved_medians(
        [lambda: read_model(path), lambda: read_floor(path)], repeat
    )
    figures["save_close10_s"], figures["save_openpyxl_s"] = interleaved_medians(
        [closing(ten_numbers(path)), openpyxl_round_trip], repeat, copies)
    figures["read_ratio"] = figures["read_orsheet_s"] / figures["read_floor_s"]
    figures["save_ratio"] = figures["save_close10_s"] / figures["save_openpyxl_s"]
    if full:
        edited = generate_edited(folder / f"bewerkt-{actions}.xlsm", actions)
        edited_copies = fresh_copy(edited, folder)
        figures["save_close10_edited_s"], figures["save_openpyxl_edited_s"] = interleaved_medians(
            [closing(ten_numbers(edited)), openpyxl_round_trip], repeat, edited_copies)
        figures["save_edited_ratio"] = figures["save_close10_edited_s"] / figures["save_openpyxl_edited_s"]
        figures["agenda_seconds"] = agenda_seconds(path, actions, repeat)
        if figures["agenda_seconds"] is not None:
            figures["agenda_ratio_to_floor_read"] = figures["agenda_seconds"] / figures["read_floor_s"]
            pdf_repeat = max(1, min(repeat, 3))
            figures["agenda_pdf_seconds"], figures["pdf_engine"] = agenda_pdf_seconds(path, actions, pdf_repeat)
            day, kind = last_meeting(actions)
            docx = folder / "Agenda's" / f"Agenda {kind} {day.isoformat()}.docx"
            figures["libreoffice_floor_seconds"] = libreoffice_floor_seconds(docx, pdf_repeat)
            if figures["agenda_pdf_seconds"] is not None:
                figures["pdf_overhead_seconds"] = figures["agenda_pdf_seconds"] - figures["agenda_seconds"]
                if figures["libreoffice_floor_seconds"]:
                    figures["pdf_overhead_ratio_to_libreoffice_floor"] = (
                        figures["pdf_overhead_seconds"] / figures["libreoffice_floor_seconds"])
        figures["help_seconds"] = process_seconds(["--help"], repeat)
        figures["actions_json_seconds"] = process_seconds(["actions", str(path), "--json"], repeat)
        figures["heavy_imports_at_help"] = heavy_imports_at_help()
        figures["peak_memory_mb"] = peak_memory_mb(path)
        from benchmarks.lite_press import measure as lite_press  # one xlwings Lite press vs the file backend

        figures.update(lite_press(path, folder, repeat))
        figures["minutes_preview_seconds"] = minutes_preview_seconds(path, folder, repeat)
    for copy in folder.glob("kopie-*"):
        copy.unlink()
    shutil.rmtree(folder / "backup", ignore_errors=True)
    return figures


def targets_met(figures: dict) -> dict:
    met = {}
    for key, limit in TARGETS.items():
        value = figures.get(key)
        met[key] = None if value is None else value <= limit
    met["no_heavy_imports_at_help"] = not figures.get("heavy_imports_at_help")
    overhead = figures.get("pdf_overhead_seconds")
    met["pdf_overhead_with_word"] = (overhead <= PDF_OVERHEAD_WITH_WORD
                                     if overhead is not None and figures.get("pdf_engine") == "word" else None)
    return met


def growth(scaling: list[dict]) -> dict:
    """Seconds per 1 000 actions at the smallest and largest size; linear when within 2x."""
    if len(scaling) < 2:
        return {}
    small, large = scaling[0], scaling[-1]
    verdict = {}
    for key in ("read_orsheet_s", "read_floor_s", "save_close10_s", "save_openpyxl_s"):
        per_small = small[key] / small["actions"] * 1000
        per_large = large[key] / large["actions"] * 1000
        verdict[key] = {"per_1000_small": per_small, "per_1000_large": per_large,
                        "linear": per_large <= 2 * per_small}
    return verdict


# -- report --------------------------------------------------------------------


def machine() -> dict:
    return {"python": platform.python_version(), "system": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine()}


def show(report: dict) -> None:
    main = report["figures"]
    met = report["targets_met"]
    print(f"orsheet benchmark — {main['actions']} actions ({main['file_mb']} MB), {report['machine']['system']}")
    rows = [
        ("read all sheets (orsheet / calamine)", f"{main['read_orsheet_s']:.3f} s / {main['read_floor_s']:.3f} s",
         f"{main['read_ratio']:.2f}x", "≤ 2x", met["read_ratio"]),
        ("close 10 actions / openpyxl load+save", f"{main['save_close10_s']:.3f} s / {main['save_openpyxl_s']:.3f} s",
         f"{main['save_ratio']:.2f}x", "≤ 1.2x", met["save_ratio"]),
        ("close 10, notes + calculated column", f"{main['save_close10_edited_s']:.3f} s / {main['save_openpyxl_edited_s']:.3f} s",
         f"{main['save_edited_ratio']:.2f}x", "≤ 0.1x", met["save_edited_ratio"]),
        ("orsheet agenda end to end (no PDF)", _seconds(main.get("agenda_seconds")),
         f"{main['agenda_ratio_to_floor_read']:.1f}x" if main.get("agenda_ratio_to_floor_read") else "",
         "≤ 1.0 s", met["agenda_seconds"]),
        (f"agenda with PDF ({main.get('pdf_engine', 'none')})", _seconds(main.get("agenda_pdf_seconds")),
         "", "", None),
        ("  PDF's cost over the agenda / soffice floor",
         f"{_seconds(main.get('pdf_overhead_seconds'))} / {_seconds(main.get('libreoffice_floor_seconds'))}",
         f"{main['pdf_overhead_ratio_to_libreoffice_floor']:.2f}x"
         if main.get("pdf_overhead_ratio_to_libreoffice_floor") else "",
         "+0.5 s Word", met.get("pdf_overhead_with_word")),
        ("orsheet --help start-up", _seconds(main["help_seconds"]), "", "≤ 0.3 s", met["help_seconds"]),
        ("orsheet actions --json", _seconds(main["actions_json_seconds"]), "", "", None),
        ("peak memory of a read", f"{main['peak_memory_mb']:.0f} MB", "", "≤ 200 MB", met["peak_memory_mb"]),
        ("xlwings Lite press (close) / on the file",
         f"{main['lite_press_s']:.3f} s / {main['lite_file_s']:.3f} s", f"{main['lite_press_ratio']:.2f}x", "", None),
        (f"minutes preview, {MINUTES_PAGES}-page .docx", _seconds(main.get("minutes_preview_seconds")), "",
         "≤ 0.5 s", met["minutes_preview_seconds"]),
    ]
    for label, value, ratio, target, ok in rows:
        verdict = {True: "ok", False: "MISSED", None: "n/a"}[ok]
        print(f"  {label:<40} {value:>24} {ratio:>7} {target:>9}  {verdict}")
    print(f"  heavy imports at --help: {', '.join(main['heavy_imports_at_help']) or 'none'}")
    print("scaling (seconds):")
    print(f"  {'actions':>8} {'read':>8} {'floor':>8} {'close10':>8} {'openpyxl':>9}")
    for row in report["scaling"]:
        print(f"  {row['actions']:>8} {row['read_orsheet_s']:>8.3f} {row['read_floor_s']:>8.3f}"
              f" {row['save_close10_s']:>8.3f} {row['save_openpyxl_s']:>9.3f}")
    for key, value in report["growth"].items():
        shape = "linear" if value["linear"] else "NOT linear"
        print(f"  {key}: {value['per_1000_small']:.3f} -> {value['per_1000_large']:.3f} s per 1000 actions ({shape})")


def _seconds(value: float | None) -> str:
    return "not available" if value is None else f"{value:.3f} s"


def run(actions: int, sizes: list[int], repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="orsheet-bench-") as name:
        folder = Path(name)
        figures = measure(actions, folder, repeat, full=True)
        scaling = [figures if size == actions else measure(size, folder, 1, full=False) for size in sizes]
    scaling.sort(key=lambda row: row["actions"])
    return {"machine": machine(), "figures": figures, "targets": TARGETS, "targets_met": targets_met(figures),
            "scaling": [{k: v for k, v in row.items() if not isinstance(v, list)} for row in scaling],
            "growth": growth(scaling)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--actions", type=int, default=10_000, help="size of the main workbook")
    parser.add_argument("--sizes", default="1000,10000,100000", help="sizes for the scaling run ('' for none)")
    parser.add_argument("--repeat", type=int, default=5, help="repetitions per figure (median reported)")
    options = parser.parse_args(argv)
    sizes = sorted({int(s) for s in options.sizes.split(",") if s.strip()} | {options.actions})
    report = run(options.actions, sizes, options.repeat)
    if options.json:
        print(json.dumps(report, indent=2, default=str))
    else:
        show(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
