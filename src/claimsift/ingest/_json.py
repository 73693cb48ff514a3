"""JSON documents: one object with ``"text"``, a list of them, or ``{"documents": [...]}``.

The ``text`` string is the document text, verbatim. ``id``, ``title``, ``outlet``, ``url``, ``published`` and
``kind`` become the document's id and metadata; other keys are ignored.
"""

from __future__ import annotations

import json

from claimsift.errors import InputError

from ._meta import Part, check_meta, without_surrogates

_SHAPE = 'expected an object with "text", a list of such objects, or {"documents": [...]}'


def read_json(text: str, name: str) -> list[Part]:
    """Read a JSON file's decoded text into one part per document.

    Raises:
        InputError: The text is not JSON, has another shape, or a document has no text or a bad field.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:
        raise InputError(name, "JSON nested too deeply to read") from exc
    except ValueError as exc:  # such as an integer of more than 4300 digits
        raise InputError(name, f"not valid JSON: {exc}") from exc
    items = _items(data, name)
    if len(items) == 1:
        return [_part(items[0], "JSON document", name)]
    return [_part(item, f"document {number}", name) for number, item in enumerate(items, 1)]


def _items(data: object, name: str) -> list[object]:
    if isinstance(data, dict) and "documents" in data and "text" not in data:
        data = data["documents"]
        if not isinstance(data, list):
            raise InputError(name, f'malformed JSON: "documents" must be a list; {_SHAPE}')
    if isinstance(data, dict):
        return [data]
    if not isinstance(data, list):
        raise InputError(name, f"malformed JSON: no text, {_SHAPE}")
    if not data:
        raise InputError(name, "malformed JSON: the list holds no documents")
    return list(data)


def _part(item: object, label: str, name: str) -> Part:
    if not isinstance(item, dict):
        raise InputError(name, f"malformed JSON: {label} is not an object; {_SHAPE}")
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError(name, f'malformed JSON: {label} has no "text" string; {_SHAPE}')
    if not text.strip():
        raise InputError(name, f'{label}: "text" is empty')
    clean = without_surrogates(text)
    warnings = (f'{label}: lone surrogate escapes in "text" replaced with U+FFFD',) if clean != text else ()
    given = check_meta(item, name, label)
    return Part(text=clean, given=given, id=_doc_id(item.get("id"), label, name), warnings=warnings)


def _doc_id(value: object, label: str, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(name, f"{label}: 'id' must be a string, got {type(value).__name__}")
    return without_surrogates(str(value).strip()) or None
