"""Refuse a path that cannot be read as one input file, before anything opens it.

Every stage that reads a user's file calls :func:`check_file` first: a FIFO would block its reader
forever, a device never ends, and a name the file system cannot hold raises an OSError deep inside a
parser. Only the standard library is imported.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ico_lens.errors import InputError, NotFound

#: the longest file name (one path component) Linux file systems take, in bytes
NAME_MAX = 255


def check_file(path: str) -> None:
    """Refuse what cannot be read as one input file, without opening it.

    Raises :class:`~ico_lens.errors.NotFound` for a missing file or a directory, and
    :class:`~ico_lens.errors.InputError` for a name the file system cannot hold or a file that is not
    a regular file (a FIFO would block the reader forever; a device never ends).
    """
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise NotFound("no such file", path=path) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise InputError(_too_long(path), path=path) from None
        raise NotFound(f"cannot read file ({exc.strerror or exc})", path=path) from None
    if stat.S_ISDIR(mode):
        raise NotFound("is a directory, not a file", path=path)
    if not stat.S_ISREG(mode):
        raise InputError(f"not a regular file ({_file_kind(mode)})", path=path)


def _too_long(path: str) -> str:
    longest = max((len(os.fsencode(part)) for part in Path(path).parts), default=0)
    if longest > NAME_MAX:
        return f"the file name is too long ({longest} bytes; a name has at most {NAME_MAX})"
    return f"the path is too long ({len(os.fsencode(path))} bytes)"


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "a special file")
