#version 330 core
// Towers: the glass while a liquid city fractures (the dream's fracture: glass_fracture.frag's
// fracture with the sheer towers only, as glass_liquid.frag; the scene draws this one while
// fracture > 0 and liquid > 0, glass_fracture.frag while fracture > 0 alone).
#define TOWERS_FRACTURE
#define SCULPT_SHEER_ONLY
// (round 35's readers at 179 s: "flat low-poly obsidian", "flat-shaded slabs": the city's
// poured towers, in their four forms, are what shatters)
#define SCULPT_POURED
// (round 35, speed: the liquid glass has no colour split -- glass_liquid.frag's either --
// and the fracture's shot pays nothing for one; towers.glsl shade_glass)
#define TOWERS_NO_SPLIT
// (and no memory in the breaking glass: towers.glsl shade_glass)
#define TOWERS_NO_MEMORY
// (and a still skin, no idle swell nor caustic: towers.glsl glass_normal, shade_glass)
#define TOWERS_STILL_SKIN
// (round 35: LIQUID the constant 1 -- towers.glsl)
#define TOWERS_LIQUID_ON
#include "glass.frag"
