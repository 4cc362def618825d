"""Prepub: a pre-publication checker for photos and posts."""

import os as _os

__version__ = "0.1.0"

# Prepub never uses the network. onnxruntime (the face and age models) otherwise writes a device
# id and queued usage events under ~/.cache/Microsoft/DeveloperTools/ as soon as it is imported,
# and tries to send them. This package is imported before onnxruntime in every process Prepub
# runs (the CLI, the window, both helper processes, which inherit the environment, and the frozen
# bundle), so setting the switch here turns the telemetry off everywhere.
_os.environ["ORT_DISABLE_TELEMETRY"] = "1"
