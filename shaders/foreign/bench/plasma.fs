/*{
    "ISFVSN": "2",
    "DESCRIPTION": "Benchmark twin of plasma.frag (benchmarks/isf_speed.py): keep the bodies identical",
    "INPUTS": [{"NAME": "speed", "TYPE": "float", "DEFAULT": 1.0, "MIN": 0.0, "MAX": 4.0}]
}*/
void main() {
    vec2 p = gl_FragCoord.xy / RENDERSIZE.y * 6.0;
    float t = TIME * speed;
    float v = 0.0;
    for (int i = 0; i < 8; ++i) {
        float k = float(i) + 1.0;
        v += sin(p.x * k * 0.37 + t) * cos(p.y * k * 0.29 - t * 0.7);
    }
    gl_FragColor = vec4(0.5 + 0.5 * sin(v + vec3(0.0, 2.1, 4.2)), 1.0);
}
