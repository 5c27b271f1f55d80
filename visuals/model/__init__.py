"""What a show is, as plain data: scenes and their passes, parameters, cues and keys on a
timeline, signals, easing, colours, a cue's events (touches).  Nothing here touches GL, files or the clock."""
