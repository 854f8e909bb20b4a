"""Placeholder: the command lands with its stage."""
