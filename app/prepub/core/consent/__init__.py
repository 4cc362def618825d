"""The consent registry and consent sheets.

``open_registry()`` opens the registry (SQLite in the user's data folder by default, any
SQLAlchemy URL via ``PREPUB_REGISTRY_URL``; a team's PostgreSQL, see :mod:`.team`); ``export_sheet`` / ``import_sheet`` move a shoot's
consents from a photographer's laptop to the communicator's registry as one ``.prepub-consent.zip``.
"""

from prepub.core.consent.registry import Registry
from prepub.core.consent.store import open_registry
from prepub.core.consent.types import (
    GUARDIAN_RELATIONS, REASONS, RELATIONS, SELF, AuditChainReport, AuditEntry, Consent,
    ConsentStatus, ConsentWithdrawnError, ExportRecord,
    FaceReference, Guardian, ImportConflict, ImportResult, Match, NotAllowedError,
    PasswordRequired, Person, RegistryChange, RegistryError, RegistryUnreachable, Shoot, Signature, UnknownEntityError,
)

__all__ = [
    "open_registry", "Registry", "export_sheet", "import_sheet", "SheetError",
    "GUARDIAN_RELATIONS", "REASONS", "RELATIONS", "SELF", "AuditChainReport", "AuditEntry",
    "Consent", "ConsentStatus", "ConsentWithdrawnError",
    "ExportRecord", "FaceReference", "Guardian", "ImportConflict", "ImportResult", "Match",
    "NotAllowedError", "PasswordRequired", "Person", "RegistryChange",
    "RegistryError", "RegistryUnreachable", "Shoot", "Signature", "UnknownEntityError",
]


def __getattr__(name: str) -> object:
    # The sheet module is imported on first use, keeping `import prepub.core.consent` light.
    if name in ("export_sheet", "import_sheet", "SheetError"):
        from prepub.core.consent import sheet

        return getattr(sheet, name)
    raise AttributeError(name)
