#version 330 core
// The occluder's blank: one triangle over its half-size target writing nothing-in-the-way,
// so the figures' proxies (occluder.frag, drawn into it with a max blend) start from zero.
// A drawn triangle rather than the pass's clear: a pass with a clear clears even while its
// draw count is 0, and the stage's occluder sat under every close shot paying for one.
out vec4 fragColor;
void main() { fragColor = vec4(0.0); }
