"""The render farm: one render spread over the workers of a Dask cluster.

The data path, by module: ``plan`` cuts the frame range into chunks; ``job`` is what travels
to a worker (plain data: the show's name, the search folders, the parsed replay set, the
render config; never a path the worker would have to share); ``task`` renders and encodes one
chunk on a worker with its own headless GL context; ``output`` joins the results on the
client (mp4/mov segments by ffmpeg's concat without re-encoding, PNG files, raw bytes in
order); ``progress`` is the one bar across workers; ``timing`` splits the workers' time into
rendering, Dask's overhead and the idle tail (for the benchmark); ``cluster`` reaches Dask (a
local cluster or a scheduler); ``client`` drives it all and turns every fault into one line.
Dask is an optional extra (``pip install 'visuals[farm]'``): nothing here imports it until a
farm render starts.
"""
from __future__ import annotations

from .client import FarmOptions, render_on_farm
from .plan import Chunk, plan_chunks

__all__ = ["Chunk", "FarmOptions", "plan_chunks", "render_on_farm"]
