"""Find one field of a JSONL record in the line's bytes, so the cleaned value can be spliced in
and every other byte of the line kept as it was.

The scanner validates the whole line as JSON without building it: numbers stay text (no digit
limit, no float rounding), nesting is walked with a list, not recursion, and duplicate keys are
seen as they are (the last one wins, as in `json.loads`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_WS = re.compile(rb"[ \t\r\n]*")
_STRING = re.compile(rb'"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"')
# json.loads also reads NaN and Infinity; so do we.
_SCALAR = re.compile(
    rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null|NaN|-?Infinity"
)
_OPEN_OBJECT, _CLOSE_OBJECT, _OPEN_ARRAY, _CLOSE_ARRAY = 0x7B, 0x7D, 0x5B, 0x5D
_COMMA, _COLON, _QUOTE = 0x2C, 0x3A, 0x22


class JsonError(ValueError):
    """The line is not valid JSON; `pos` is the byte offset in the line."""

    def __init__(self, msg: str, pos: int) -> None:
        super().__init__(f"{msg} at byte {pos}")
        self.msg = msg
        self.pos = pos


@dataclass(frozen=True)
class Member:
    """One top-level `"key": value` of a record: the value's byte span in the line."""

    key: str
    start: int
    end: int

    def kind(self, line: bytes) -> str:
        """What the value is, in words: "a string", "null", "a number", ..."""
        c = line[self.start]
        return {
            _QUOTE: "a string",
            _OPEN_OBJECT: "an object",
            _OPEN_ARRAY: "a list",
            ord("t"): "true",
            ord("f"): "false",
            ord("n"): "null",
        }.get(c, "a number")


def _ws(b: bytes, pos: int) -> int:
    return _WS.match(b, pos).end()  # type: ignore[union-attr]


def _string(b: bytes, pos: int) -> int:
    if pos >= len(b) or b[pos] != _QUOTE:
        raise JsonError("expected a string in double quotes", pos)
    m = _STRING.match(b, pos)
    if m is None:
        raise JsonError("a string is not closed or holds a bad escape or control character", pos)
    return m.end()


def _colon(b: bytes, pos: int) -> int:
    pos = _ws(b, pos)
    if pos >= len(b) or b[pos] != _COLON:
        raise JsonError("expected ':' after a key", pos)
    return pos + 1


def value_end(b: bytes, pos: int) -> int:
    """Where the JSON value starting at `pos` ends; raises JsonError."""
    stack: list[int] = []  # the closing bracket each open container waits for
    n = len(b)
    while True:
        pos = _ws(b, pos)
        if pos >= n:
            raise JsonError("the line ends where a value should be", pos)
        c = b[pos]
        if c == _QUOTE:
            pos = _string(b, pos)
        elif c == _OPEN_OBJECT:
            pos = _ws(b, pos + 1)
            if pos < n and b[pos] == _CLOSE_OBJECT:
                pos += 1
            else:
                stack.append(_CLOSE_OBJECT)
                pos = _colon(b, _string(b, pos))
                continue
        elif c == _OPEN_ARRAY:
            pos = _ws(b, pos + 1)
            if pos < n and b[pos] == _CLOSE_ARRAY:
                pos += 1
            else:
                stack.append(_CLOSE_ARRAY)
                continue
        else:
            m = _SCALAR.match(b, pos)
            if m is None:
                raise JsonError("unexpected character", pos)
            pos = m.end()
        # a value ended: close containers until one goes on with a comma
        while stack:
            pos = _ws(b, pos)
            if pos >= n:
                raise JsonError("the line ends inside a list or object", pos)
            c = b[pos]
            if c == stack[-1]:
                stack.pop()
                pos += 1
            elif c == _COMMA:
                pos += 1
                if stack[-1] == _CLOSE_OBJECT:
                    pos = _colon(b, _string(b, _ws(b, pos)))
                break
            else:
                raise JsonError("expected ',' or a closing bracket", pos)
        else:
            return pos


def _key(raw: bytes) -> str:
    if b"\\" not in raw:
        return raw[1:-1].decode("utf-8", "surrogateescape")
    return json.loads(raw)


def members(line: bytes, start: int = 0) -> list[Member]:
    """The top-level members of the JSON object on `line` (from `start`); raises JsonError,
    or TypeError when the line holds valid JSON that is not an object."""
    pos = _ws(line, start)
    if pos < len(line) and line[pos] != _OPEN_OBJECT:
        value_end(line, pos)  # valid JSON of another kind, or a JsonError
        raise TypeError("the line is not a JSON object")
    if pos >= len(line):
        raise JsonError("the line is empty", pos)
    out: list[Member] = []
    pos = _ws(line, pos + 1)
    if pos < len(line) and line[pos] == _CLOSE_OBJECT:
        pos += 1
    else:
        while True:
            key_start = _ws(line, pos)
            key_end = _string(line, key_start)
            vstart = _ws(line, _colon(line, key_end))
            vend = value_end(line, vstart)
            out.append(Member(_key(line[key_start:key_end]), vstart, vend))
            pos = _ws(line, vend)
            if pos < len(line) and line[pos] == _COMMA:
                pos += 1
            elif pos < len(line) and line[pos] == _CLOSE_OBJECT:
                pos += 1
                break
            else:
                raise JsonError("expected ',' or '}'", pos)
    pos = _ws(line, pos)
    if pos != len(line):
        raise JsonError("extra data after the object", pos)
    return out


def find(line: bytes, field: str, start: int = 0) -> tuple[Member | None, list[Member]]:
    """The member named `field` (the last, if repeated) and all members."""
    found = None
    ms = members(line, start)
    for m in ms:
        if m.key == field:
            found = m
    return found, ms


def splice(line: bytes, member: Member, value: str) -> bytes:
    """`line` with `member`'s value replaced by the JSON string `value`."""
    try:
        encoded = json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: keep them escaped
        encoded = json.dumps(value).encode("ascii")
    return line[: member.start] + encoded + line[member.end :]
