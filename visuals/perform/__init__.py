"""Time and the performance: the clocks (fixed for renders, real for live), the transport,
the state that control events build up (decks, presets, overrides), and recorded sets."""
