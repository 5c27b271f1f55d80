"""MIDI: a controller's messages become control events on the bus.

The data path, module by module: ``ports`` (which MIDI system, which inputs) -> ``input``
(``MidiInput``: open the ports, one callback per message, MIDI learn, hot-plug) -> ``translate``
(a message through the ``mapping`` to events) and ``clock`` (MIDI clock to tempo and beat).
The mapping is read by ``mapping_file`` from the TOML documented in docs/midi-mapping.md,
its vocabulary is ``bindings``, and ``mapping_writer`` saves what MIDI learn changed.
"""
