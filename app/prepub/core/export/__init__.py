"""prepub.core.export"""
