"""What produced each output in `--out`, so `--resume` redoes exactly what no longer matches.

A small SQLite file, `OUT/.hindiclean/manifest.sqlite` (on disk, so memory stays flat for
millions of outputs), maps each output to the fingerprint of what made it: the input's size and
modification time, the options that change the output, and the hindiclean version. It also
holds the checkpoint of a JSONL output being written, so a resumed run keeps the records
already written.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

COMMIT_EVERY = 1000  # changes kept in one transaction at most


def digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:32]


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass(frozen=True)
class Checkpoint:
    """How far a JSONL output got: lines of input done, input bytes, output bytes."""

    lines: int
    in_offset: int
    out_bytes: int


class Manifest:
    """The fingerprints of the outputs in one `--out` folder."""

    def __init__(self, out: Path) -> None:
        path = out / ".hindiclean" / "manifest.sqlite"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS outputs (rel BLOB PRIMARY KEY, fingerprint TEXT, run TEXT)"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS checkpoints (rel BLOB PRIMARY KEY, fingerprint TEXT, "
            "lines INTEGER, in_offset INTEGER, out_bytes INTEGER)"
        )
        self.run = uuid.uuid4().hex
        self.changes = 0
        self.db.execute("BEGIN")

    def _changed(self) -> None:
        self.changes += 1
        if self.changes >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        self.changes = 0

    def is_done(self, rel: Path, fingerprint: str) -> bool:
        row = self.db.execute(
            "SELECT fingerprint FROM outputs WHERE rel = ?", (os.fsencode(rel),)
        ).fetchone()
        return row is not None and row[0] == fingerprint

    def claim(self, rel: Path) -> bool:
        """Mark `rel` as being written by this run; False when this run wrote it already (two
        inputs would share one output)."""
        key = os.fsencode(rel)
        row = self.db.execute("SELECT run FROM outputs WHERE rel = ?", (key,)).fetchone()
        if row is not None and row[0] == self.run:
            return False
        self.db.execute(
            "INSERT OR REPLACE INTO outputs VALUES (?, NULL, ?)", (key, self.run)
        )
        self._changed()
        return True

    def done(self, rel: Path, fingerprint: str | None) -> None:
        """`rel` is complete and was made from `fingerprint` (None: incomplete, redo it)."""
        key = os.fsencode(rel)
        self.db.execute(
            "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?)", (key, fingerprint, self.run)
        )
        self.db.execute("DELETE FROM checkpoints WHERE rel = ?", (key,))
        self._changed()

    def checkpoint(self, rel: Path, fingerprint: str) -> Checkpoint | None:
        row = self.db.execute(
            "SELECT lines, in_offset, out_bytes FROM checkpoints WHERE rel = ? AND fingerprint = ?",
            (os.fsencode(rel), fingerprint),
        ).fetchone()
        return None if row is None else Checkpoint(*row)

    def save_checkpoint(self, rel: Path, fingerprint: str, cp: Checkpoint) -> None:
        """Record progress (the output's bytes must be flushed first); committed at once."""
        self.db.execute(
            "INSERT OR REPLACE INTO checkpoints VALUES (?, ?, ?, ?, ?)",
            (os.fsencode(rel), fingerprint, cp.lines, cp.in_offset, cp.out_bytes),
        )
        self.commit()

    def close(self) -> None:
        try:
            self.db.execute("COMMIT")
        finally:
            self.db.close()
