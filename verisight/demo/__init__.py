"""The bundled demo corpus: a small web of static sites and a local server for it."""

from verisight.demo.server import DEMO_ROOT, MANIFEST_PATH, DemoServer, load_manifest

__all__ = ["DEMO_ROOT", "MANIFEST_PATH", "DemoServer", "load_manifest"]
