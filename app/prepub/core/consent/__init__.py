"""prepub.core.consent"""
