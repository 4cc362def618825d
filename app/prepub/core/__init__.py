"""The headless engine: metadata, faces, policy, text checks and export. Never imports Qt."""
