"""prepub.core.faces"""
