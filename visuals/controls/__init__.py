"""Controls: what a performer does (keys, MIDI, OSC) turned into control events on one bus.

Each input has its own folder or module, named for where the data comes from, and ends in the
same place: ``events`` (the event types and the ``ControlBus`` the live loop drains once a
frame).  ``keyboard`` maps keys; ``midi/`` reads controllers and MIDI clock through a mapping;
``osc/`` serves the OSC address table over UDP.  Shared by all of them: ``base`` (what an input
gets from the player), ``limits`` (the one place the ranges of live values are written, and the
last check before an event plays) and ``notices`` (the rate-limited notices they report to the
HUD through).
"""
