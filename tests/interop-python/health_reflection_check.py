#!/usr/bin/python3
"""Checks a server's grpc.health.v1.Health and server reflection (v1 and v1alpha) as a standard
grpcio client sees them, printing PASS and exiting 0 or printing every problem and exiting 1:

    /usr/bin/python3 health_reflection_check.py --server_port=5000 --service=grpc.testing.TestService

Health: Check("") is SERVING, Check of an unknown service fails with NOT_FOUND, Watch("") first
reports SERVING, Watch of an unknown service reports SERVICE_UNKNOWN.

Reflection, for each version: list_services names every --service; file_containing_symbol returns
file descriptors that parse with the protobuf library and load into a fresh descriptor pool (missing
dependencies are fetched with file_by_filename, as reflection clients do); the service found there
has the same methods, message types and streaming shapes as the contract compiled from protos/;
file_by_filename and file_containing_symbol for a message work; an unknown symbol is NOT_FOUND.

grpc_health / grpc_reflection are not packaged by Debian, so the stubs come from the repository's
protos/grpc/health and protos/grpc/reflection through grpc_tools (interop_protos.py).
"""

import argparse
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool

import interop_protos

interop_protos.generate(interop_protos.TESTING + interop_protos.HEALTH + interop_protos.REFLECTION)

from grpc.health.v1 import health_pb2, health_pb2_grpc  # noqa: E402  (generated above)
from grpc.reflection.v1 import reflection_pb2 as reflection_v1_pb2  # noqa: E402
from grpc.reflection.v1 import reflection_pb2_grpc as reflection_v1_grpc  # noqa: E402
from grpc.reflection.v1alpha import reflection_pb2 as reflection_v1alpha_pb2  # noqa: E402
from grpc.reflection.v1alpha import reflection_pb2_grpc as reflection_v1alpha_grpc  # noqa: E402
from grpc.testing import test_pb2  # noqa: E402

NOT_FOUND = grpc.StatusCode.NOT_FOUND.value[0]
UNKNOWN_SERVICE = "grpc.interop.NoSuchService"
UNKNOWN_SYMBOL = "grpc.interop.NoSuchSymbol"

# The contract of every service this script can compare, compiled from protos/.
LOCAL_FILES = {
    "grpc.testing.TestService": test_pb2.DESCRIPTOR,
    "grpc.testing.UnimplementedService": test_pb2.DESCRIPTOR,
    "grpc.health.v1.Health": health_pb2.DESCRIPTOR,
    "grpc.reflection.v1.ServerReflection": reflection_v1_pb2.DESCRIPTOR,
    "grpc.reflection.v1alpha.ServerReflection": reflection_v1alpha_pb2.DESCRIPTOR,
}

VERSIONS = {
    "v1": (reflection_v1_pb2, reflection_v1_grpc),
    "v1alpha": (reflection_v1alpha_pb2, reflection_v1alpha_grpc),
}


class Checker:
    def __init__(self):
        self.problems = []
        self.passed = []

    def check(self, condition, message, detail=None):
        if condition:
            self.passed.append(message)
        else:
            self.problems.append(f"{message}: {detail}" if detail else message)
        return condition


def check_health(channel, checker, timeout):
    stub = health_pb2_grpc.HealthStub(channel)
    serving = health_pb2.HealthCheckResponse.SERVING
    try:
        response = stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=timeout)
        checker.check(response.status == serving, "health Check('') is SERVING",
                      f"got {health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)}")
    except grpc.RpcError as error:
        checker.check(False, f"health Check('') failed: {error.code().name} {error.details()}")

    try:
        response = stub.Check(health_pb2.HealthCheckRequest(service=UNKNOWN_SERVICE), timeout=timeout)
        checker.check(False, f"health Check('{UNKNOWN_SERVICE}') answered {response.status}, expected NOT_FOUND")
    except grpc.RpcError as error:
        checker.check(error.code() == grpc.StatusCode.NOT_FOUND, "health Check of an unknown service fails with NOT_FOUND",
                      f"got {error.code().name} {error.details()!r}")

    for service, expected in (("", serving), (UNKNOWN_SERVICE, health_pb2.HealthCheckResponse.SERVICE_UNKNOWN)):
        watch = stub.Watch(health_pb2.HealthCheckRequest(service=service), timeout=timeout)
        try:
            first = next(watch)
            name = health_pb2.HealthCheckResponse.ServingStatus.Name
            checker.check(first.status == expected, f"health Watch('{service}') first reports {name(expected)}",
                          f"got {name(first.status)}")
        except StopIteration:
            checker.check(False, f"health Watch('{service}') ended without a status")
        except grpc.RpcError as error:
            checker.check(False, f"health Watch('{service}') failed: {error.code().name} {error.details()}")
        finally:
            watch.cancel()


def ask(stub, request, timeout):
    responses = list(stub.ServerReflectionInfo(iter([request]), timeout=timeout))
    if len(responses) != 1:
        raise AssertionError(f"{len(responses)} reflection responses to one request")
    return responses[0]


def method_shapes(service_proto):
    return sorted(
        (m.name, m.input_type.lstrip("."), m.output_type.lstrip("."), m.client_streaming, m.server_streaming)
        for m in service_proto.method)


def local_service(full_name):
    file_proto = descriptor_pb2.FileDescriptorProto()
    LOCAL_FILES[full_name].CopyToProto(file_proto)
    short = full_name.rsplit(".", 1)[-1]
    return next(s for s in file_proto.service if s.name == short)


def fetch_files(stub, pb2, version, symbol, checker, timeout):
    """file_containing_symbol plus file_by_filename for any dependency left out; returns {name: FileDescriptorProto}."""
    response = ask(stub, pb2.ServerReflectionRequest(file_containing_symbol=symbol), timeout)
    if not checker.check(response.HasField("file_descriptor_response"),
                         f"{version} file_containing_symbol({symbol}) returns file descriptors",
                         f"got {response.WhichOneof('message_response')}: {response.error_response.error_message}"):
        return None
    files = {}
    for raw in response.file_descriptor_response.file_descriptor_proto:
        proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
        files[proto.name] = proto
    missing = [d for f in files.values() for d in f.dependency if d not in files]
    while missing:
        name = missing.pop()
        if name in files:
            continue
        extra = ask(stub, pb2.ServerReflectionRequest(file_by_filename=name), timeout)
        if not checker.check(extra.HasField("file_descriptor_response"),
                             f"{version} file_by_filename({name}) returns the dependency"):
            return None
        for raw in extra.file_descriptor_response.file_descriptor_proto:
            proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
            files.setdefault(proto.name, proto)
            missing.extend(d for d in proto.dependency if d not in files)
    return files


def load_pool(files):
    """Adds the files to a fresh pool, dependencies first."""
    pool = descriptor_pool.DescriptorPool()
    added = set()
    pending = dict(files)
    while pending:
        ready = [n for n, f in pending.items() if all(d in added for d in f.dependency)]
        if not ready:
            raise ValueError(f"unresolvable dependencies among {sorted(pending)}")
        for name in ready:
            pool.Add(pending.pop(name))
            added.add(name)
    return pool


def check_file_names(stub, pb2, version, checker, timeout, strict):
    """file_by_filename with the name the server gives the file declaring TestService (protoc's
    grpc/testing/test.proto when strict), and file_containing_symbol for a message."""
    def files_of(request):
        response = ask(stub, request, timeout)
        return [descriptor_pb2.FileDescriptorProto.FromString(b) for b in response.file_descriptor_response.file_descriptor_proto]

    declaring = [p for p in files_of(pb2.ServerReflectionRequest(file_containing_symbol="grpc.testing.TestService"))
                 if any(s.name == "TestService" for s in p.service) and p.package == "grpc.testing"]
    if not checker.check(len(declaring) == 1, f"{version} exactly one returned file declares grpc.testing.TestService"):
        return
    name = declaring[0].name
    if strict:
        checker.check(name == "grpc/testing/test.proto",
                      f"{version} the file declaring TestService is named as protoc names it", f"got {name!r}")
    by_name = files_of(pb2.ServerReflectionRequest(file_by_filename=name))
    checker.check(any(p.name == name and any(s.name == "TestService" for s in p.service) for p in by_name),
                  f"{version} file_by_filename({name}) returns the file declaring TestService")
    by_message = files_of(pb2.ServerReflectionRequest(file_containing_symbol="grpc.testing.SimpleRequest"))
    checker.check(any(p.package == "grpc.testing" and any(m.name == "SimpleRequest" for m in p.message_type) for p in by_message),
                  f"{version} file_containing_symbol(grpc.testing.SimpleRequest) returns the file declaring the message")


def check_reflection(channel, version, services, checker, timeout, strict_file_names):
    pb2, grpc_module = VERSIONS[version]
    stub = grpc_module.ServerReflectionStub(channel)
    try:
        listed = ask(stub, pb2.ServerReflectionRequest(list_services=""), timeout)
    except grpc.RpcError as error:
        checker.check(False, f"{version} reflection failed: {error.code().name} {error.details()}")
        return
    names = {s.name for s in listed.list_services_response.service}
    for service in services:
        checker.check(service in names, f"{version} list_services names {service}", f"listed: {sorted(names)}")

    for service in services:
        files = fetch_files(stub, pb2, version, service, checker, timeout)
        if files is None:
            continue
        try:
            pool = load_pool(files)
            found = pool.FindServiceByName(service)
        except (KeyError, TypeError, ValueError) as error:
            checker.check(False, f"{version} descriptors for {service} load into a descriptor pool", str(error))
            continue
        checker.check(True, f"{version} descriptors for {service} load into a descriptor pool")
        remote = descriptor_pb2.ServiceDescriptorProto()
        found.CopyToProto(remote)
        if service in LOCAL_FILES:
            expected = method_shapes(local_service(service))
            got = method_shapes(remote)
            checker.check(got == expected, f"{version} {service} methods, message types and streaming match protos/",
                          f"got {got}, expected {expected}")
        for method in found.methods:
            checker.check(pool.FindMessageTypeByName(method.input_type.full_name) is not None,
                          f"{version} {service}.{method.name} input type {method.input_type.full_name} resolves")

    if "grpc.testing.TestService" in services:
        check_file_names(stub, pb2, version, checker, timeout, strict_file_names)

    unknown = ask(stub, pb2.ServerReflectionRequest(file_containing_symbol=UNKNOWN_SYMBOL), timeout)
    checker.check(unknown.HasField("error_response") and unknown.error_response.error_code == NOT_FOUND,
                  f"{version} file_containing_symbol of an unknown symbol answers error_response NOT_FOUND",
                  f"got {unknown.WhichOneof('message_response')} {unknown.error_response.error_code}")


def main():
    parser = argparse.ArgumentParser(description="Health and reflection as a grpcio client sees them")
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", required=True, type=int)
    parser.add_argument("--service", action="append", help="a service reflection must list and describe (repeatable)")
    parser.add_argument("--reflection_versions", default="v1,v1alpha")
    parser.add_argument("--strict_file_names", default="true", choices=["true", "false"],
                        help="require protoc's file names (grpc/testing/test.proto); @grpc/reflection merges a package into one file")
    parser.add_argument("--timeout_seconds", default=20, type=float)
    args = parser.parse_args()
    strict_file_names = args.strict_file_names == "true"
    services = args.service or ["grpc.testing.TestService"]
    checker = Checker()
    target = f"{args.server_host}:{args.server_port}"
    with grpc.insecure_channel(target, options=interop_protos.NO_PROXY) as channel:
        check_health(channel, checker, args.timeout_seconds)
        for version in args.reflection_versions.split(","):
            check_reflection(channel, version, services, checker, args.timeout_seconds, strict_file_names)
    for line in checker.passed:
        print(f"ok   {line}")
    for line in checker.problems:
        print(f"FAIL {line}", file=sys.stderr)
    if checker.problems:
        return 1
    print(f"PASS health and reflection ({len(checker.passed)} checks, grpcio {grpc.__version__} -> {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
