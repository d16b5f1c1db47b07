"""Pure-Python engines of innotwin: no Django import, typed, usable from a notebook.

A test (``tests/core/test_core_is_pure.py``) fails when any module below this package imports Django.
"""
