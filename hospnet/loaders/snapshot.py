"""A file read as it was when it was opened, so a document is never stored torn.

Reads stop at the size the file had at open (a file that grows while it is read is not followed
for ever), and each read checks the file is unchanged: its size, modification time and inode, and
that its path still names it. A change ends the read with a DocumentError for the file (what was
read before the change was read whole and stands); the build lists it in its failures and the next
run reads the file again.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import BinaryIO

from hospnet.loaders.document import document_error


def _stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Snapshot:
    """The part of `raw` (a file opened from `path`) that existed at open, while it stays unchanged."""

    def __init__(self, name: str, path: Path, raw: BinaryIO) -> None:
        self._name, self._path, self._raw = name, path, raw
        stat = os.fstat(raw.fileno())
        self._stamp = _stamp(stat)
        self.size = stat.st_size

    def tell(self) -> int:
        return self._raw.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_END:  # the end is where the file ended at open
            return self._raw.seek(self.size + offset)
        return self._raw.seek(offset, whence)

    def _room(self, n: int | None) -> int:
        left = max(0, self.size - self._raw.tell())
        return left if n is None or n < 0 else min(n, left)

    def read(self, n: int | None = -1) -> bytes:
        data = self._raw.read(self._room(n))
        self._check()
        return data

    def readline(self, limit: int | None = -1) -> bytes:
        line = self._raw.readline(self._room(limit))
        self._check()
        return line

    def _settled(self, now: os.stat_result) -> os.stat_result:
        """`now`, or a moment later if it looks rewritten: an append in progress shows its new
        modification time before its new size (Linux stamps the time first), so a same-size change
        is looked at again before it is called a rewrite."""
        if now.st_size > self.size:
            return now
        time.sleep(0.01)
        return os.fstat(self._raw.fileno())

    def _check(self) -> None:
        now = os.fstat(self._raw.fileno())
        try:
            named = os.stat(self._path)
        except OSError:
            named = None
        reason = None
        if named is None or (named.st_dev, named.st_ino) != self._stamp[:2]:
            reason = "was replaced or removed while it was read"
        elif _stamp(now) != self._stamp:
            now = self._settled(now)
            if now.st_size > self.size:
                reason = f"grew while it was read ({self.size:,} -> {now.st_size:,} bytes)"
            else:
                reason = "was rewritten while it was read"
        if reason:
            raise document_error(
                self._name,
                f"{reason}; nothing after the change was stored, it is read again on the next run",
            )
