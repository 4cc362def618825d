"""Event templates: the fields a shoot's photos share, saved once and applied to a selection.

Photo Mechanic calls it a stationery pad, Lightroom a metadata preset: a communicator who posts
from the same kind of event every week (the council meeting, the Saturday match) saves the
photographer, the context (what, where, when), the source and licence, the caption and an alt
text prefix under a name, and applies them to the next batch in one step.

The file is ``event-templates.json`` in the user's data folder (``PREPUB_DATA_DIR`` or the
platform's), declared here once (:class:`TemplateFile`) and read strictly through
:mod:`prepub.core.jsondoc`: a mistake names the line and the field, and nothing is lost (the
damaged file is kept as it is until the user saves a template again).

A template only fills what a photo does not have yet (:meth:`EventTemplate.fill`): it never
overwrites a photographer the file names, a caption or context already written, and it never
touches the source of a photo whose file names another creator (``source.kind`` "unknown": the
user must say what that photo is, so its finding stays). The source is saved in a template
only when it is not the default ("own").
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, StrictStr, TypeAdapter, ValidationError, \
    with_config

from prepub.core import jsondoc
from prepub.core.inputfiles import FileTooLarge, NotRegularFile, read_regular

FORMAT = "prepub.event-templates"
VERSION = 1
FILE_NAME = "event-templates.json"
MAX_TEMPLATES = 500
MAX_BYTES = 4 * 1024 * 1024

# draft field name (as the session and the draft name them) -> template attribute
FIELDS = {"photographer": "photographer", "context.what": "what", "context.where": "where",
          "context.when": "when", "source.kind": "source_kind", "source.licence": "licence",
          "caption": "caption"}


class TemplateError(ValueError):
    """A templates file that cannot be read, with where and why."""


def _name(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise ValueError("a name that is not empty")
    return value


def _unique(templates: list[Any]) -> list[Any]:
    seen: set[str] = set()
    for t in templates:
        key = t.name.casefold()
        if key in seen:
            raise ValueError(f"a list with each name once ({t.name!r} appears twice)")
        seen.add(key)
    return templates


Text = Annotated[StrictStr, Field(max_length=2000)]
Name = Annotated[StrictStr, Field(min_length=1, max_length=100), AfterValidator(_name)]


@with_config(ConfigDict(extra="forbid"))
@dataclass
class EventTemplate:
    name: Name
    photographer: Text = ""
    what: Text = ""
    where: Text = ""
    when: Text = ""
    source_kind: Literal["", "own", "stock", "partner", "unknown"] = ""  # "": leave as it is
    licence: Text = ""
    caption: Text = ""
    alt_prefix: Text = ""  # put in front of each photo's alt text

    def values(self) -> dict[str, str]:
        """The draft fields this template has a value for (``{"context.what": "Sammanträde"}``)."""
        return {f: getattr(self, a) for f, a in FIELDS.items() if getattr(self, a).strip()}

    def fill(self, current: dict[str, Any]) -> dict[str, str]:
        """What the template sets on a photo whose fields are ``current`` (field -> value):
        only empty fields, and nothing about the source of a photo marked "unknown"."""
        out = {}
        source_open = (current.get("source.kind") or "own") == "own"
        for name, value in self.values().items():
            if name == "source.kind":
                if source_open and value != current.get("source.kind"):
                    out[name] = value
            elif name == "source.licence":
                if (source_open or current.get("source.kind") == self.source_kind) \
                        and not str(current.get(name) or "").strip():
                    out[name] = value
            elif not str(current.get(name) or "").strip():
                out[name] = value
        return out

    def with_prefix(self, alt_text: str) -> str:
        """``alt_text`` with the template's prefix in front (once: applying twice adds nothing)."""
        prefix = self.alt_prefix
        if not prefix.strip() or alt_text.startswith(prefix) or alt_text.strip() == prefix.strip():
            return alt_text
        return prefix + alt_text if alt_text.strip() else prefix.rstrip()


@with_config(ConfigDict(extra="forbid"))
@dataclass
class TemplateFile:
    format: Literal["prepub.event-templates"]
    version: Literal[1]
    templates: Annotated[list[EventTemplate], Field(max_length=MAX_TEMPLATES),
                         AfterValidator(_unique)] = field(default_factory=list)


_ADAPTER = TypeAdapter(TemplateFile)


def default_path() -> Path:
    from prepub.core.consent.store import data_dir

    return data_dir() / FILE_NAME


def from_fields(name: str, values: dict[str, Any], *, alt_prefix: str = "") -> EventTemplate:
    """A template named ``name`` from draft field values (``{"photographer": ..., ...}``);
    values that are None (the selection differs) or empty are left out."""
    kw = {a: str(values.get(f) or "") for f, a in FIELDS.items()}
    if kw["source_kind"] == "own":  # the default: saying it would hide nothing but could mislead
        kw["source_kind"] = ""
    try:
        return TypeAdapter(EventTemplate).validate_python(
            {"name": name, **kw, "alt_prefix": alt_prefix})
    except ValidationError as e:
        raise TemplateError(jsondoc.explain(e).text) from None


def load(path: str | os.PathLike[str] | None = None) -> list[EventTemplate]:
    """The saved templates, sorted by name; none when there is no file yet. Raises
    :class:`TemplateError` (with the line and field) for a damaged or foreign file."""
    p = Path(path) if path is not None else default_path()
    try:
        raw = read_regular(p, limit=MAX_BYTES)
    except FileNotFoundError:
        return []
    except (NotRegularFile, FileTooLarge, OSError) as e:
        raise TemplateError(f"{p}: the templates cannot be read ({getattr(e, 'strerror', None) or e})") \
            from None
    try:
        text = jsondoc.decode(raw)
        doc = _ADAPTER.validate_python(jsondoc.parse(text))
    except jsondoc.Problem as e:
        raise TemplateError(_where(p, e)) from None
    except ValidationError as e:
        raise TemplateError(_where(p, jsondoc.explain(e, text))) from None
    return sorted(doc.templates, key=lambda t: t.name.casefold())


def save(templates: list[EventTemplate], path: str | os.PathLike[str] | None = None) -> Path:
    """Write ``templates`` atomically (readable by this user only)."""
    p = Path(path) if path is not None else default_path()
    doc = TemplateFile(format=FORMAT, version=VERSION,
                       templates=sorted(templates, key=lambda t: t.name.casefold()))
    _ADAPTER.validate_python(asdict(doc))  # the declaration holds for what is written too
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(p.name + ".tmp")
    data = _ADAPTER.dump_json(doc, indent=2).decode("utf-8") + "\n"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, p)
    return p


def put(name: str, template: EventTemplate, path: str | os.PathLike[str] | None = None
        ) -> list[EventTemplate]:
    """Save ``template`` (replacing one of the same name, any case); returns all of them."""
    kept = [t for t in load(path) if t.name.casefold() != name.casefold()]
    save(kept + [template], path)
    return load(path)


def remove(name: str, path: str | os.PathLike[str] | None = None) -> list[EventTemplate]:
    kept = [t for t in load(path) if t.name.casefold() != name.casefold()]
    save(kept, path)
    return load(path)


def _where(p: Path, e: jsondoc.Problem) -> str:
    at = f"{p}:{e.line}" if e.line else str(p)
    return f"{at}: {e.field + ': ' if e.field else ''}{e.text}"
