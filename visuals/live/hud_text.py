"""What the HUD says: the transport, the cue playing, its parameters, the inputs, the log."""
from __future__ import annotations

import statistics

from .hud import HudContent
from visuals.perform.view import current_values, follow_label


def hud_content(player) -> HudContent:
    active = player.current_cue()
    stats = player.stats
    ms = statistics.median(stats.render_ms) if stats.render_ms else 0.0
    transport = player.performance.decks["a"].transport
    state = player.frame_state
    tempo = state.tempo
    w, h = player.mixer.config.size
    status = [f"{stats.fps():5.1f} fps   frame {ms:5.1f} ms   render {w}x{h} (x{player.scaler.scale:.2f})",
              f"t {player.show_time():7.2f} / {player.show.duration:.1f} s   "
              f"{'PAUSED' if transport.paused else 'playing'}   speed x{transport.speed:.2f}"
              + (f"   {tempo[1]:.1f} bpm" if tempo else "")]
    if "b" in state.decks:
        status.append(f"deck B: {state.decks['b'].show.name}   crossfade {state.crossfade:.2f}")
    params = []
    if active is not None:
        status.append(f"cue {active.index + 1}: {active.cue.label}   ({active.local_t:5.1f} s in)")
        scene = player.registry.scene(active.cue.scene)
        hand = state.decks["a"].overrides.get(scene.name, {})
        values = current_values(scene.params, active.values, hand)
        target = player.learn_target()
        for p in scene.params:
            mark = "> " if target == (scene.name, p.name) else "  "
            shown = follow_label(hand.get(p.name)) or p.format(p.coerce(values[p.name]))
            params.append(f"{mark}{scene.name}.{p.name:14s} {shown}")
        if target:
            params.append(f"MIDI learn: move a control to bind {target[0]}.{target[1]}")
    for control in player.inputs:
        status.append(control.describe())
    return HudContent(title=f"visuals - {player.show.name}", status=status, params=params,
                      events=list(player.events_log), errors=[str(e) for e in player.errors()])
