"""Bytes to text: detect the encoding, refuse binary data, and say what had to be repaired.

Order of tests, first match wins:

0. the signature of a known binary or compressed format (PNG, PDF, ZIP, gzip, ELF...): refused;
1. a byte order mark (UTF-32, UTF-8, UTF-16), which is removed;
2. NUL bytes in the pattern of UTF-16 without a mark (every other byte NUL), else the data is binary;
3. strict UTF-8;
4. UTF-8 with a few invalid bytes (valid multi-byte sequences outnumber the invalid ones): decoded with
   U+FFFD replacements and a warning;
5. a legacy 8-bit encoding: the charset an HTML page declares, then cp1252 when the result reads as Western
   text; else, for ASCII text with a few stray bytes, UTF-8 with replacements; else charset-normalizer's guess;
   always with a warning.

Every step is linear in the size of the data (counts are done by ``str.count`` and regular expressions, not
character by character in Python), so a 50 MB file decodes in seconds.

The result is never silently wrong: every guess beyond UTF-8 and a marked UTF-16 adds a warning.
"""

from __future__ import annotations

import codecs
import re
import string
import unicodedata

from charset_normalizer import from_bytes

from claimsift.errors import InputError

from ._magic import refuse_known_binary

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE first: its mark starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters (Unicode category Cc) other than tab, line feed, vertical tab, form feed, return."""
_MAX_CONTROL_RATIO = 0.1
"""Above this share of control characters (other than whitespace) the data is binary, not text."""
_UTF16_NUL_RATIO = 0.4
"""Share of NUL bytes among the odd (LE) or even (BE) bytes that marks UTF-16 without a byte order mark."""
_WESTERN_SIGNS = frozenset("\u00a0¡¢£§©«\u00ad®°±´µ¶·º»¿×÷ª€‚„…†‡ˆ‰‹›‘’“”•–—˜™")
"""Non-letters of cp1252 that Western text uses; ¹ ³ ¼ ¾ ¥ ¯ are left out, as they are cp1250 letters."""
_ASCII = bytes(range(128))
_ASCII_CHARS = frozenset(map(chr, range(128)))
_STRAY_BYTES = 0.01
"""ASCII text with at most this share of bytes above 127 that no Western encoding explains is UTF-8 gone wrong."""
_MAX_NON_ASCII_LETTERS = 0.3
"""Western languages write most letters in ASCII; Cyrillic or Greek read as cp1252 do not."""
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_WEB_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}
"""Labels that browsers (WHATWG Encoding) read as windows-1252."""


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode the bytes of a document.

    Args:
        data: The raw bytes, exactly as read.
        name: The file name, for error messages and to find the charset an HTML page declares.

    Returns:
        The text (without a byte order mark) and the warnings about what was guessed or repaired.

    Raises:
        InputError: The data is binary or no text encoding fits it.
    """
    refuse_known_binary(data, name)
    text, warnings = _decode_any(data, name)
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise InputError(name, "binary file (mostly control characters), not text")
    return text, warnings


def _decode_any(data: bytes, name: str) -> tuple[str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data[len(bom) :], encoding, name)
    if b"\x00" in data:
        return _decode_utf16_or_refuse(data, name)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lenient = _mostly_utf8(data)
    if lenient is not None:
        return lenient
    return _decode_legacy(data, name)


def _decode_marked(data: bytes, encoding: str, name: str) -> tuple[str, list[str]]:
    """Decode data after a byte order mark; invalid bytes are replaced, with a warning."""
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    if encoding == "utf-8":
        return text, [_replaced_warning(data, text)]
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise InputError(name, f"not decodable as {encoding.upper()}, although it starts with its mark")
    return text, [f"invalid {encoding.upper()}: undecodable bytes replaced with U+FFFD"]


def _decode_utf16_or_refuse(data: bytes, name: str) -> tuple[str, list[str]]:
    """Data with NUL bytes is UTF-16 without a byte order mark, or binary."""
    encoding = _utf16_without_bom(data)
    if encoding is None:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    return text, [f"invalid {encoding.upper()} (no byte order mark): undecodable bytes replaced with U+FFFD"]


def _utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le or utf-16-be when the NUL bytes fall on one side of each pair, as in mostly-Latin text.

    A last odd byte (a file cut short) is left out of the count; decoding then replaces it.
    """
    half = len(data) // 2
    if half == 0:
        return None
    even_nuls = data[0 : 2 * half : 2].count(0)
    odd_nuls = data[1 : 2 * half : 2].count(0)
    if odd_nuls >= _UTF16_NUL_RATIO * half and even_nuls <= 0.05 * half:
        return "utf-16-le"
    if even_nuls >= _UTF16_NUL_RATIO * half and odd_nuls <= 0.05 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> tuple[str, list[str]] | None:
    """Decode UTF-8 with replacements when its valid multi-byte characters outnumber its invalid bytes."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - _ascii_bytes(data) - text.count("\ufffd")
    if valid <= 0 or valid < replaced:
        return None
    return text, [_replaced_warning(data, text)]


def _ascii_bytes(data: bytes) -> int:
    """The number of ASCII bytes, which UTF-8 and every 8-bit encoding here decode one to one."""
    return len(data) - len(data.translate(None, _ASCII))


def _replaced_warning(data: bytes, text: str) -> str:
    count = text.count("\ufffd") - data.count("\ufffd".encode())
    return f"invalid UTF-8: {count} undecodable byte sequence(s) replaced with U+FFFD"


def _decode_legacy(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode text in an 8-bit encoding: declared charset, else cp1252 for Western text, else a guess."""
    declared = _declared_charset(data) if name.lower().endswith((".html", ".htm")) else None
    if declared is not None:
        try:
            return data.decode(declared), [f"not UTF-8: decoded as {declared}, the charset the page declares"]
        except UnicodeDecodeError:
            pass
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _looks_western(western):
        return western, ["not UTF-8: decoded as cp1252 (Windows Western European)"]
    if len(data) - _ascii_bytes(data) <= _STRAY_BYTES * len(data):
        text = data.decode("utf-8", errors="replace")
        return text, [_replaced_warning(data, text)]
    best = from_bytes(data).best()
    if best is None:
        raise InputError(name, "not decodable: not UTF-8 or UTF-16, and no other text encoding fits")
    return str(best), [f"not UTF-8: decoded as {best.encoding}, a guess by charset-normalizer; check the text"]


def _declared_charset(data: bytes) -> str | None:
    """The Python codec of the charset an HTML page declares in a <meta> tag, if a known non-UTF-8 one."""
    match = _HTML_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        codec = codecs.lookup(match.group(1).decode("ascii")).name.replace("-", "_")
    except (LookupError, UnicodeDecodeError):
        return None
    if codec.startswith("utf"):
        return None
    return _WEB_ALIASES.get(codec, codec)


def _looks_western(text: str) -> bool:
    """True when every non-ASCII character is a Latin letter or common Western sign, and they are few."""
    others = set(text).difference(_ASCII_CHARS)
    for ch in others:
        if ch not in _WESTERN_SIGNS and not (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")):
            return False
    non_ascii_letters = sum(text.count(ch) for ch in others if ch.isalpha())
    letters = non_ascii_letters + sum(text.count(ch) for ch in string.ascii_letters)
    return non_ascii_letters <= _MAX_NON_ASCII_LETTERS * max(letters, 1)


def _control_ratio(text: str) -> float:
    """Share of control characters other than tab, newlines and form feeds."""
    if not text:
        return 0.0
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    return controls / len(text)
