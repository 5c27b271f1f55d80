#version 330 core
// Serenes, the standing row (``row``, round 22: "soft cones in a row", "cut-out figures"): the
// five of them modelled as the portrait is -- each the hooded figure's distance field, full
// length, baked once when the shot begins (portrait.glsl PORTRAIT_ROW: row_geo, row_mat) --
// relit here every frame by the candles between them: the two on low stands in front (their
// light from below, on the folds and rims only, their soft shadows baked, looming on the wall
// behind), a third behind the row for the rims, the cold of the room as a thin fill; the
// mercury eyes the portrait's analytic spheres, small; the floor polished, catching the
// candles' pools and mirroring the flames and the dark figures.  They sway in unison as a
// small shear of the baked picture, and the camera's drift (``pan``) is a shift of it.
#define PORTRAIT_ROW 1
#include "row_shot.glsl"
