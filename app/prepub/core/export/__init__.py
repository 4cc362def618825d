"""The publish-ready bundle: clean images, per-channel texts, scheduling-tool files, the record.

Public API: :func:`export_bundle` (the whole export), :func:`write_clean_image` (one image),
:func:`verify_clean` (read an exported image back), :func:`stale_partials` (what a killed
export left behind), :class:`ExportError`, :class:`ExportResult`.
"""

from prepub.core.export.atomic import stale_partials
from prepub.core.export.bundle import ExportResult, SkippedFile, export_bundle
from prepub.core.export.errors import ExportError
from prepub.core.export.images import write_clean_image
from prepub.core.checks.gate import gate, override_allowed
from prepub.core.export.verify import verify_clean
from prepub.core.export.xmp import ExportMeta

__all__ = ["export_bundle", "ExportResult", "SkippedFile", "ExportError", "write_clean_image", "verify_clean",
           "ExportMeta", "gate", "override_allowed", "stale_partials"]
