// cloud_faces.glsl -- the trapped faces in the cloud shot (cloud_sky_faces.frag): each face a
// fold of the cloud's own underside moulded into a head (face.glsl's sculpted height), its
// planes glowing with the cloud's light from within and lit from above, the sockets and the
// screaming mouth voids no light reaches; flicker tears it in slipping horizontal slices.
//
// Include-only, after cloud.glsl and face.glsl; the schedule is the scene's face_schedule.

const int CLD_MAX_FACES = 4;
uniform int u_face_count;
uniform vec4 u_faces[CLD_MAX_FACES];     // centre x, centre y, scale, strength
uniform vec4 u_faces_b[CLD_MAX_FACES];   // mouth open, tilt (rad), tear seed, tear amount

const vec3 CLD_FACE_LIGHT = normalize(vec3(0.35, 0.6, 0.72));

// The faces at screen point p over the cloud's colour `base` (its light there, glow: the
// aurora's colour there): the picture with them moulded in.
vec3 cloud_faces(vec2 p, vec3 base, vec3 glow) {
    vec3 col = base;
    for (int i = 0; i < u_face_count; ) {
        vec4 f = u_faces[i];
        vec4 g = u_faces_b[i];
        vec2 q = rot2(-g.y) * (p - f.xy) / f.z;
        if (dot(q, q) < 0.64) {
            // (the glitch: horizontal slices sliding into each other, not blocks)
            float bq = q.y * 4.5;
            int band = int(floor(bq));
            float slip = mix(hash_seed(ivec2(band, int(g.z)), 77), hash_seed(ivec2(band + 1, int(g.z)), 77),
                             smoothstep(0.0, 1.0, fract(bq)));
            q.x += (slip - 0.5) * g.w;
            float cavity, skin;
            vec3 h = face_height(q, g.x, g.y * 5.0, cavity, skin);
            float fray = 0.07 * sin(6.0 * q.y + 9.0 * g.y) * sin(4.0 * q.x - 3.0 * q.y);
            float fade = smoothstep(0.72, 0.4, length(q) + fray) * min(f.w / 0.5, 1.0);
            vec3 n = normalize(vec3(-2.4 * (rot2(g.y) * h.yz), 1.0));
            float lit = max(dot(n, CLD_FACE_LIGHT), 0.0);
            float rim = pow(1.0 - max(n.z, 0.0), 2.0);
            vec2 oq = (vec2(sqrt(q.x * q.x + 0.0004), q.y) - vec2(0.112, 0.05)) / vec2(0.062, 0.05);
            float orbit = exp(-dot(oq, oq));
            float dark = clamp(cavity + 1.6 * orbit * orbit, 0.0, 1.0);
            // the crown melts up into the cloud, the jaw down into it
            float zone = smoothstep(0.42, 0.1, q.y) * smoothstep(-0.7, -0.35, q.y);
            // (the cloud's own billows show through: the face is the cloud's light moulded,
            // not a mask laid over it -- its planes brighten the cloud where they meet the
            // light, its shaded planes fall to the cloud's darks)
            float on = fade * skin * zone;
            float l3 = lit * lit * lit;
            col = mix(col, col * (0.2 + 2.6 * l3) + glow * (0.1 * l3 + 0.05 * rim), on);
            col += vec3(0.6, 0.85, 0.8) * 0.2 * pow(lit, 14.0) * on;
            col *= 1.0 - fade * dark * 0.97;
        }
        if (++i >= u_face_count) {
            break;
        }
    }
    return col;
}
