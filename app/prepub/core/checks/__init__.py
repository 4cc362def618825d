"""prepub.core.checks"""
