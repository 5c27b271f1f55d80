#version 330 core
// The baked self's soft normal (round 32, speed): the shard shot paints the self as a
// silhouette whose form is only the head's and shoulders' roundness -- its normal averaged over
// a ring SOFT wide round each point, and its coverage averaged alike.  That ring was six
// fetches of the 1280-square bake on every pixel of every frame; it depends on the bake alone,
// so it is averaged here once, when the scene starts, and the shard reads it with one fetch.
uniform sampler2D u_self_geo;
uniform vec2 u_resolution;
out vec4 frag_colour;

const float SOFT = 0.035;            // the normals' averaging radius (the bake's square is 1), as qs_shard.frag's look was

void main() {
    vec2 uv = gl_FragCoord.xy / u_resolution;
    vec3 s = vec3(0.0);
    for (int i = 0; i < 6; ++i) {
        float a = float(i) * 1.0472 + 0.3;
        vec4 g = texture(u_self_geo, clamp(uv + SOFT * vec2(cos(a), sin(a)), 0.0, 1.0));
        s += vec3(g.rg * 2.0 - 1.0, g.a) * (g.a > 0.0 ? 1.0 : 0.0);
    }
    vec2 nxy = s.xy / max(s.z, 1e-3);
    nxy *= min(1.0, 0.98 / max(length(nxy), 1e-4));
    frag_colour = vec4(nxy * 0.5 + 0.5, 0.0, s.z / 6.0);       // (the normal's z follows from x and y)
}
