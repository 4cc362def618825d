"""Reading (and, in later parts, scrubbing) the metadata of image files.

Public API: :func:`read_metadata` and :class:`UnreadableImage`.
"""

from prepub.core.metadata.errors import UnreadableImage
from prepub.core.metadata.reader import read_metadata

__all__ = ["UnreadableImage", "read_metadata"]
