"""Python modules for the repository's protos/, generated with grpc_tools at run time.

The contracts live only in protos/; each run compiles the files it needs into a temporary folder
(removed at exit). The generated packages are named after the proto packages (grpc.testing,
grpc.health.v1, grpc.reflection.v1, ...), which sit under grpcio's own `grpc` package, so that
package is told to look for subpackages in the temporary folder too.
"""

import atexit
import os
import shutil
import tempfile

import grpc
from grpc_tools import protoc

DEFAULT_PROTOS_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "protos"))

TESTING = ["grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto"]
HEALTH = ["grpc/health/v1/health.proto"]
REFLECTION = ["grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto"]

# Channel options for loopback calls: never through an HTTP proxy named in the environment.
NO_PROXY = [("grpc.enable_http_proxy", 0)]

_generated = set()


def generate(files, protos_root=None):
    """Compiles `files` (paths relative to protos/) and makes them importable."""
    root = protos_root or os.environ.get("INTEROP_PROTOS_ROOT") or DEFAULT_PROTOS_ROOT
    wanted = [f for f in files if f not in _generated]
    if not wanted:
        return
    for f in wanted:
        if not os.path.isfile(os.path.join(root, f)):
            raise FileNotFoundError(f"{f} is not under the protos folder {root}")
    out = tempfile.mkdtemp(prefix="interop-python-")
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    rc = protoc.main(["grpc_tools.protoc", f"-I{root}", f"--python_out={out}", f"--grpc_python_out={out}", *wanted])
    if rc != 0:
        raise RuntimeError(f"grpc_tools.protoc failed ({rc}) compiling {', '.join(wanted)} from {root}")
    grpc.__path__.append(os.path.join(out, "grpc"))
    _generated.update(wanted)
