"""Workbook backends: one small interface (:mod:`.base`), several engines."""
