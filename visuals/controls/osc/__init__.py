"""OSC control: every parameter and every performance action at an address, over UDP.

The data path, module by module: ``endpoint`` (``--osc [HOST:]PORT``) -> ``udp`` (the socket,
arrival stamps) -> ``wire`` (datagrams read with limits) -> ``server`` (``OscInput``: the
thread, ordering, counts, notices) -> ``routes`` (a message to its event, through the table
in ``addresses``; ``arguments`` checks counts and ranges) -> the control bus.

The address table (``addresses.ADDRESSES``) is the one list of what OSC can do: ``visuals
osc --list`` prints it, the dispatch follows it, and the HUD's notices quote its argument
descriptions.  ``/visuals/<scene>/<param>`` takes a float, an int, or several floats for
vectors and colours; the other addresses are performance actions (cues, tempo, taps,
touches, presets, the crossfader, deck B, the transport, triggers).

Buttons: the action addresses without a value (``/visuals/tap``, ``/visuals/cue/next``,
``/visuals/transport/play``...) fire on a message without arguments or with a non-zero value;
a value of 0 is a button release (TouchOSC, Open Stage Control) and is ignored.  Triggers
(``/visuals/trigger/<name> [value]``) pass every value on, 0 included: a release means
something to some of them (the 'loop' trigger lets the show run on).
"""
