"""Segmenting: the Lark grammar turns text into typed blocks, then a post-pass builds sections."""
from .segment import segment

__all__ = ["segment"]
