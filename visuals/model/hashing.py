"""Deterministic integer hashing for scenes that compute on the CPU what a frame needs.

Scenes draw their random layouts (tear schedules, faces, figures) from integer keys instead
of a random generator's state, so any frame can be computed alone, in any order, with the
same numbers on every machine: the basis of frame-exact export and random seeking.
"""
from __future__ import annotations

MASK64 = (1 << 64) - 1


def mix64(x: int) -> int:
    """The splitmix64 finaliser: a well-mixed 64-bit integer from any integer."""
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)
