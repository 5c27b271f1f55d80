"""The one rate-limited notice class that OSC, MIDI and the HUD share (controls/notices.py)."""
from __future__ import annotations

import math

from visuals.controls.notices import RateLimitedNotices


def _notices(**options):
    now = [100.0]
    shown: list[str] = []
    return RateLimitedNotices(shown.append, clock=lambda: now[0], **options), shown, now


def test_a_key_says_one_notice_per_interval_and_sums_up_the_rest():
    notices, shown, now = _notices(interval=1.0)
    for i in range(50):
        notices.report(f"value {i} clamped", key="/visuals/tide/speed")
        now[0] += 0.01
    assert shown == ["value 0 clamped"] and notices.held == 49
    notices.flush()
    assert len(shown) == 1                              # the key has not been quiet for the interval
    now[0] += 1.0
    notices.flush()
    assert shown[-1].startswith("value 49 clamped [49 more like this in ") and notices.held == 0


def test_other_keys_are_not_held_back_by_a_busy_one():
    notices, shown, now = _notices(interval=1.0)
    notices.report("a", key="one")
    notices.report("a again", key="one")
    notices.report("b", key="two")
    assert shown == ["a", "b"]


def test_the_budget_holds_back_every_key_past_a_few_a_second_and_sums_up_many_in_one_line():
    notices, shown, now = _notices(interval=1.0, per_second=6)
    for i in range(100):
        notices.report(f"OSC /x{i}: unknown address; ignored", key=f"/x{i}")
    assert len(shown) == 6
    now[0] += 1.0
    notices.flush()
    assert len(shown) == 7 and "[94 more like this, about 94 addresses" in shown[-1], shown[-1]


def test_a_once_key_is_said_once_until_forgotten():
    notices, shown, now = _notices(interval=0.0)
    for _ in range(3):
        notices.report("MIDI: cannot list devices", key="list", interval=math.inf)
        now[0] += 60.0
        notices.flush()
    notices.report("MIDI: APC connected")
    notices.report("MIDI: APC connected")
    assert shown == ["MIDI: cannot list devices", "MIDI: APC connected", "MIDI: APC connected"]
    notices.forget("list")
    notices.report("MIDI: cannot list devices", key="list", interval=math.inf)
    assert shown[-1] == "MIDI: cannot list devices"


def test_a_broken_receiver_never_raises_into_the_input():
    def broken(message: str) -> None:
        raise RuntimeError("the HUD is gone")
    notices = RateLimitedNotices(broken)
    notices.report("anything")
    assert notices.sent == 1 and notices.shown == ["anything"]
