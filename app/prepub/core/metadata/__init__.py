"""prepub.core.metadata"""
