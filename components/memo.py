"""Process-wide answers with cheap keys: what every session of a server shares (the read model's answers, the figures
and drawings built from them). Keys are the arguments themselves, compared by value, so a hit costs a dictionary
lookup; Streamlit's caches hashed every argument through pickling and inspect.signature and unpickled a copy of the
answer on every call, which was a fifth of a rerun's CPU."""

import itertools
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st
from pandas.io.formats.style import Styler
from streamlit.dataframe_util import convert_pandas_df_to_arrow_table

T = TypeVar("T")
_generations = itertools.count()


@st.cache_data(show_spinner=False)
def _generation() -> int:
    """A number that changes when Streamlit's data caches are cleared (st.cache_data.clear()), so clearing them
    clears these answers too."""
    return next(_generations)


class Answers:
    """At most `max_entries` answers, none older than `ttl` seconds, each computed once while other sessions asking
    for it wait."""

    def __init__(self, max_entries: int, ttl: float):
        self.max_entries, self.ttl = max_entries, ttl
        self._answers: OrderedDict = OrderedDict()  # key → (answer, stored at)
        self._lock = threading.Lock()
        self._computing: dict = {}  # key → the lock its first asker holds while computing it
        self._generation = None

    def get(self, key, compute: Callable[[], T]) -> T:
        """The answer for `key`, computing it with `compute()` if it is missing or stale."""
        generation = _generation()
        if generation != self._generation:  # Streamlit's caches were cleared: so are these
            with self._lock:
                self._answers.clear()
                self._generation = generation
        found = self._fresh(key)
        if found is not None:
            return found[0]
        with self._lock:
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            found = self._fresh(key)  # another session computed it while this one waited
            if found is None:
                try:
                    found = (compute(), time.monotonic())
                    with self._lock:
                        self._answers[key] = found
                        while len(self._answers) > self.max_entries:
                            self._answers.popitem(last=False)
                finally:
                    with self._lock:
                        self._computing.pop(key, None)
        return found[0]

    def _fresh(self, key) -> tuple | None:
        with self._lock:
            found = self._answers.get(key)
            if found is None:
                return None
            if time.monotonic() - found[1] > self.ttl:
                del self._answers[key]
                return None
            self._answers.move_to_end(key)
            return found


def key(value):
    """`value` as a dictionary key, telling apart what Streamlit's hash told apart (a list from a tuple, 1 from 1.0
    and True) and comparing a frame by its contents and NaN equal to NaN; TypeError for a value that cannot be one."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is list or kind is tuple:
        return kind, tuple(key(v) for v in value)
    if kind is dict:
        return kind, tuple((k, key(v)) for k, v in value.items())
    if kind is float or kind is np.float64:
        return (kind, "nan") if value != value else (kind, value)
    if isinstance(value, pd.DataFrame):
        # each column's array as stored (frame[c] would make a Series per column: most of a small frame's key)
        arrays = (value._get_column_array(i) for i in range(value.shape[1]))
        return kind, tuple(value.columns), _values_key(value.index), tuple(_array_key(a) for a in arrays)
    if isinstance(value, pd.Series | pd.Index):
        return kind, value.name, _values_key(value)
    hash(value)
    return kind, value


def _values_key(values: pd.Series | pd.Index) -> tuple:
    if isinstance(values, pd.RangeIndex):
        return "range", values.start, values.stop, values.step
    return _array_key(values.array)


def _array_key(array) -> tuple:
    """A column's values: numbers, flags and times as their bytes (NaN equal to NaN), Arrow-backed text without a
    missing value as its bytes (listing it as Python strings was most of a key's cost), anything else listed (a NaN
    in it only misses)."""
    dtype = str(array.dtype)
    if array.dtype.kind in "biufcmM":
        numbers = np.asarray(array)
        if numbers.dtype == getattr(array.dtype, "numpy_dtype", array.dtype):  # as held (not times with a zone)
            return dtype, numbers.tobytes()
    text = getattr(array, "_pa_array", None)
    if isinstance(text, pa.ChunkedArray) and not text.null_count and text.type in _TEXT_TYPES:
        text = text.combine_chunks() if text.num_chunks != 1 else text.chunk(0)
        _, offsets, data = text.buffers()  # where each value ends, then every value's bytes (however it was sliced)
        ends = np.frombuffer(offsets, dtype=_TEXT_TYPES[text.type])[text.offset : text.offset + len(text) + 1]
        start, stop = int(ends[0]), int(ends[-1])
        return dtype, (ends - start).tobytes(), data[start:stop].to_pybytes() if data is not None else b""
    return dtype, tuple(array.tolist())


_TEXT_TYPES = {pa.string(): np.int32, pa.large_string(): np.int64}


_built = Answers(256, 6 * 3600)  # a map's figure holds its shapes: a few MB


def name_of(function: Callable) -> str:
    """A function's name across reruns (a page's script defines its functions anew on each run; every page runs as
    __main__, so its file tells two pages' functions apart)."""
    code = getattr(function, "__code__", None)
    where = code.co_filename if code is not None and function.__module__ == "__main__" else ""
    return f"{function.__module__}.{function.__qualname__}{where}"


def shared(build: Callable[..., T], *args, **kwargs) -> T:
    """`build(*args, **kwargs)` (a figure, a drawing's HTML, a table: a function of what it is given, answers keyed by
    the data version), built once per process for everyone who asks with equal arguments and shared as it is:
    nobody changes it (st.plotly_chart and st.dataframe copy what they send)."""
    return _shared(name_of(build), build, args, kwargs)


def as_arrow(frame: pd.DataFrame) -> pa.Table:
    """`frame` as st.dataframe and st.table send it (their own Arrow conversion): given the result, they send it
    as it is."""
    return convert_pandas_df_to_arrow_table(frame)


def arrow_table(build: Callable[..., pd.DataFrame], *args) -> pa.Table:
    """The table `build(*args)` as_arrow, converted once per process: st.dataframe converted the frame again on
    every rerun."""
    return _shared(f"arrow {name_of(build)}", lambda *a: as_arrow(build(*a)), args, {})


def sealed_table(styler: Styler) -> Styler:
    """`styler`, from now on never changed, shared by every session: st.table asks it on every rerun to apply its
    styles and lay them out (`_compute`, `_translate`), which it does once, now, for the one session building it, so
    sessions sending it at once only read the result. It stays a Styler (st.table knows one by its exact type)."""
    styler._compute()
    translated = styler._translate(False, False)
    # st.table writes each body cell's shown text over the table's text, one column at a time (most of its cost);
    # a cell shown as its own text needs no writing, so only the others are left for it.
    shown = styler.data.astype(str)
    translated["body"] = [
        [cell for cell in row if not _shown_as_written(cell, shown)] for row in translated.get("body", [])
    ]
    translate = styler._translate

    def laid_out(*args, **kwargs):
        return translated if args == (False, False) and not kwargs else translate(*args, **kwargs)

    styler._compute = lambda: styler
    styler._translate = laid_out
    return styler


def _shown_as_written(cell: dict, shown: pd.DataFrame) -> bool:
    """Whether a body cell of a laid-out Styler is a data cell whose shown text is its value's own text."""
    found = _DATA_CELL.match(cell.get("id") or "")
    if not found or cell.get("type") != "td":
        return False
    value = cell.get("display_value")
    return type(value) is str and value == shown.iat[int(found[1]), int(found[2])]


_DATA_CELL = re.compile(r"row(\d+)_col(\d+)")


def _shared(name: str, build: Callable[..., T], args: tuple, kwargs: dict) -> T:
    try:
        found = (name, key(args), key(kwargs))
        hash(found)
    except TypeError:  # an argument that cannot be a key (a frame holding arrays): built for this caller alone
        return build(*args, **kwargs)
    return _built.get(found, lambda: build(*args, **kwargs))
