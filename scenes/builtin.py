"""Built-in helper scenes that other scenes fall back on."""
from visuals import Param, Pass, Scene

env_gradient = Scene(
    "env_gradient",
    passes=[Pass("scenes/builtin/env_gradient.frag")],
    params=[
        Param("zenith", "#1a0b3d", description="the colour overhead"),
        Param("horizon", "#d9a6ff", description="the glow at the horizon"),
    ],
    description="a night gradient: the environment reflective scenes show when nothing is bound",
)
