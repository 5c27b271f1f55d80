"""Reaching Dask: a local cluster of worker processes, or an existing scheduler.

Dask is an optional extra; without it the farm says how to install it in one line.  A local
cluster binds to 127.0.0.1 only and gives each worker one thread (one GL context a process)
and, unless the user set it, ``LP_NUM_THREADS`` so that N llvmpipe workers share the cores
instead of each spawning a thread per core.  Every way of not reaching a worker (no scheduler
at the address, a scheduler with no workers) is one line naming the address and the fix.
"""
from __future__ import annotations

import contextlib
import logging
import os
import time
import warnings

from visuals.errors import VisualsError

INSTALL_FIX = "pip install 'visuals[farm]' (Dask distributed)"
DEFAULT_CONNECT_TIMEOUT_S = 10.0
DEFAULT_WORKER_WAIT_S = 30.0


def require_dask(option: str):
    """``distributed``, or one line saying how to install it."""
    try:
        import distributed
    except ImportError:
        raise VisualsError(f"{option} needs Dask distributed, which is not installed", fix=INSTALL_FIX) from None
    return distributed


# Dask's scheduler hands a worker thread up to ceil(1.1 x threads) tasks at once (the default
# ``worker-saturation``): for a one-thread worker that is a running chunk and a waiting one.  At
# the end of a render the waiting chunk stays with its worker while another worker has nothing,
# which was most of the two-worker farm's idle tail.  A local cluster's scheduler gives each
# thread one chunk at a time; a scheduler the user starts can be told the same with
# DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION=1.0 (the README's farm section says so).
LOCAL_WORKER_SATURATION = 1.0


def local_cluster(workers: int, env: dict[str, str]):
    """A LocalCluster of ``workers`` one-thread worker processes on 127.0.0.1, its scheduler
    in this process handing out one chunk per thread at a time (LOCAL_WORKER_SATURATION)."""
    import dask
    import distributed
    with dask.config.set({"distributed.scheduler.worker-saturation": LOCAL_WORKER_SATURATION}):
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                        dashboard_address=None, silence_logs=logging.CRITICAL, env=env)


def worker_environment(workers: int, environ=os.environ) -> dict[str, str]:
    """Environment for local workers: llvmpipe threads split between them, unless set."""
    if "LP_NUM_THREADS" in environ:
        return {}
    return {"LP_NUM_THREADS": str(max(1, (os.cpu_count() or 1) // workers))}


@contextlib.contextmanager
def quiet_dask_logs():
    """Dask's own log lines (reconnect attempts with tracebacks, nanny warnings) would bury
    the one line a user must read; the farm reports what matters itself.  Dask configures
    levels per logger, so logging is switched off as a whole while the farm runs."""
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        yield
    finally:
        logging.disable(previous)


@contextlib.contextmanager
def connect(workers: int | None, scheduler: str | None,
            connect_timeout: float = DEFAULT_CONNECT_TIMEOUT_S):
    """A ``distributed.Client`` on a new local cluster (``workers``) or at ``scheduler``."""
    distributed = require_dask("--workers" if workers else "--scheduler")
    import dask
    from dask.utils import parse_timedelta
    # Dask's own setting (DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT) may shorten the wait.
    connect_timeout = min(connect_timeout, parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"),
                                                           default="seconds"))
    cluster = None
    with dask.config.set({"distributed.comm.timeouts.connect": f"{connect_timeout}s"}):
        if scheduler:
            try:
                client = distributed.Client(scheduler, timeout=connect_timeout, set_as_default=True)
            except (OSError, TimeoutError, ValueError) as err:
                raise VisualsError(f"cannot reach the Dask scheduler at {scheduler}: {_first_line(err)}",
                                   fix="start one with 'dask scheduler' and workers with "
                                       f"'dask worker {scheduler}', or check the address") from None
        else:
            try:
                with warnings.catch_warnings():   # "port 8787 in use, using another": not the user's concern
                    warnings.simplefilter("ignore")
                    cluster = local_cluster(workers, worker_environment(workers))
            except Exception as err:
                raise VisualsError(f"cannot start a local Dask cluster of {workers} workers: {_first_line(err)}",
                                   fix="try fewer --workers") from None
            client = distributed.Client(cluster, set_as_default=True)
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.close(timeout=5)
            if cluster is not None:
                with contextlib.suppress(Exception):
                    cluster.close(timeout=10)


def wait_for_workers(client, address: str, timeout: float = DEFAULT_WORKER_WAIT_S) -> int:
    """The number of chunks the cluster can render at once (its worker threads), waiting a
    while for a first worker to join."""
    deadline = time.monotonic() + timeout
    while True:
        slots = sum(client.nthreads().values())
        if slots:
            return slots
        if time.monotonic() > deadline:
            raise VisualsError(f"no Dask worker joined the scheduler at {address} in {timeout:g} s",
                               fix=f"start workers with 'dask worker {address}' on machines that have "
                                   "visuals installed")
        time.sleep(0.2)


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__
