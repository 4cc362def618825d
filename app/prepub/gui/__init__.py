"""The Qt desktop app: windows, widgets and background tasks on top of prepub.core."""
