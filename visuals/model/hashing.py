"""Deterministic integer hashing for scenes that compute on the CPU what a frame needs.

Scenes draw their random layouts (tear schedules, faces, figures) from integer keys instead
of a random generator's state, so any frame can be computed alone, in any order, with the
same numbers on every machine: the basis of frame-exact export and random seeking.
"""
from __future__ import annotations

MASK64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15     # splitmix64's increment: 2**64 / the golden ratio, odd


def finalize64(z: int) -> int:
    """splitmix64's output mix of a 64-bit state: every input bit reaches every output bit,
    so neighbouring states give unrelated numbers.  ``z`` must already be within 64 bits: a
    Python int, or a numpy uint64 array (mixed element-wise, wrapping as the integers do)."""
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def mix64(x: int) -> int:
    """The splitmix64 finaliser: a well-mixed 64-bit integer from any integer."""
    return finalize64((x + GOLDEN_GAMMA) & MASK64)


def unit_float(seed: int, stream: int, index: int, stream_key: int = GOLDEN_GAMMA) -> float:
    """A float in [0, 1) from (seed, stream, index), the same on every machine: the low 32 bits
    of the seed, the stream spread by ``stream_key`` (an odd 64-bit constant, so two callers
    with their own keys draw unrelated numbers from the same streams) and the index, each
    mixed in turn; the top 53 bits of the result as the float's mantissa."""
    h = mix64(mix64(mix64(seed & 0xFFFFFFFF) ^ (stream * stream_key)) ^ index)
    return (h >> 11) * (1.0 / 9007199254740992.0)
