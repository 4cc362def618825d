"""prepub.core.text"""
