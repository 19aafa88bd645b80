"""The ribbon tab "OR-secretariaat" (``customUI/customUI14.xml``)."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from orsheet.excel.actions import ACTIONS, ExcelAction

PART = "customUI/customUI14.xml"
RELATIONSHIP = "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility"
NAMESPACE = "http://schemas.microsoft.com/office/2009/07/customui"
TAB_LABEL = "OR-secretariaat"


def _button(action: ExcelAction) -> str:
    return (
        f'        <button id="btn{action.macro}" label={quoteattr(action.label)} size="large"'
        f' imageMso="{action.image}" screentip={quoteattr(action.screentip)}'
        f' onAction="{action.ribbon_callback}"/>'
    )


def custom_ui_xml(actions: tuple[ExcelAction, ...] = ACTIONS) -> bytes:
    groups: dict[str, list[ExcelAction]] = {}
    for action in actions:
        groups.setdefault(action.group, []).append(action)
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<customUI xmlns="{NAMESPACE}">',
        "  <ribbon>",
        "    <tabs>",
        f'      <tab id="orsheetTab" label="{TAB_LABEL}">',
    ]
    for number, (label, members) in enumerate(groups.items(), start=1):
        lines.append(f'      <group id="orsheetGroup{number}" label={quoteattr(label)}>')
        lines += ["  " + _button(a) for a in members]
        lines.append("      </group>")
    lines += ["      </tab>", "    </tabs>", "  </ribbon>", "</customUI>", ""]
    return "\n".join(lines).encode("utf-8")
