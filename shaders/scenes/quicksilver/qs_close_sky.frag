#version 330 core
// The close shot above its horizon (round 35, speed): qs_close.frag with the pool left out --
// there the pool is never seen (its weight is 0 in every pixel above the split), so the night
// and the falling tears alone give the same bytes at under half the cost.
#define CLOSE_SKY
#include "qs_close.frag"
