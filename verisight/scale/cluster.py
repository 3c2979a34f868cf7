"""Joining or starting a Ray cluster, and the rule that assigns a host to a partition."""

from __future__ import annotations

import zlib
from typing import Any

from verisight.errors import ConfigError

RAY_HINT = "pip install 'verisight[ray]' (ray[data]==2.60.0)"


def ray_module() -> Any:
    """The ``ray`` module, or a ConfigError saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError(f"--ray needs Ray and Ray Data: {RAY_HINT}") from exc
    return ray


def connect(address: str | None = None, *, num_cpus: int | None = None) -> Any:
    """Join the Ray cluster at ``address`` ("auto": the one running here), or start a local one; return ``ray``.

    A cluster already joined by this process is reused. Every node needs verisight installed (the same version).
    """
    ray = ray_module()
    if ray.is_initialized():
        return ray
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False, "configure_logging": False}
    try:
        if address:
            ray.init(address=address, **options)
        else:
            ray.init(num_cpus=num_cpus, **options)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ConfigError(f"cannot join the Ray cluster at {address or 'a new local cluster'}: {exc}") from exc
    return ray


def owner(host: str, partitions: int) -> int:
    """The partition (0..partitions-1) that owns ``host``: a stable hash, the same on every machine."""
    return zlib.crc32(host.lower().encode("utf-8")) % max(1, partitions)
