"""Use cases: read through a backend -> apply pure rules -> write the differences.

One module per feature; every CLI command and every Excel button calls one
function here, so both paths behave the same.
"""
