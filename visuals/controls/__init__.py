"""Controls: keyboard (and later MIDI, OSC) turned into named actions and parameter values."""
