"""Sound: audio sources, their analysis, the show's own score, and muxing into videos.

The data path reads in module order: ``sources`` (a file or a live device becomes samples),
``analysis`` (samples become per-frame features: level, bands, onsets, tempo),
``texture`` (features become the uniforms and the spectrum/waveform texture shaders read),
``score`` (a show's own soundtrack, synthesised from its timeline), ``mux`` (a finished
video plus sound into one file), ``live_input`` (a device analysed while a set plays).

Only ``names`` is imported by the engine's core (signals), so scenes that never hear
anything pay nothing for numpy FFTs or soundfile.
"""
