"""Transcripts in and out: JSONL, CSV, Parquet and Hugging Face ``datasets`` directories.

Real chats rarely arrive in salesim's interchange format: a CRM export is a CSV with one row per
message and its own column names and role labels, a data team hands over Parquet, an ML team a
``datasets`` directory. :func:`read_transcripts` turns all of them into :class:`Transcript`
objects, so imported human chats are scored by exactly the code that scores simulated runs, and it
reports every record it cannot use with its location instead of dropping it. :func:`export_run`
goes the other way, so a run can be analysed in pandas or loaded with ``datasets.load_from_disk``.

pyarrow and datasets are imported inside the functions that need them: ``salesim run`` never pays
their import time, and salesim works without them until a table is actually read or written.
``datasets`` is only ever used through ``load_from_disk``/``save_to_disk``, which never touch the
network.
"""

from simulator.interchange._export import export_run
from simulator.interchange._read import (
    MESSAGE_EXPORT_COLUMNS,
    Record,
    RecordError,
    read_transcripts,
)

__all__ = ["MESSAGE_EXPORT_COLUMNS", "Record", "RecordError", "export_run", "read_transcripts"]
