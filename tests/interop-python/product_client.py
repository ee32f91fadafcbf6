#!/usr/bin/python3
"""A partner system's grpcio client calling the product's real services through the gateway. Prints one JSON
object with what it observed (tests/Interop.Tests asserts on it):

    /usr/bin/python3 product_client.py --address 127.0.0.1:PORT --token TOKEN

- health: grpc.health.v1.Health/Check("") at the gateway;
- reflection: grpc.reflection.v1 list_services, then file_containing_symbol for each listed service, parsed
  with the protobuf library: the methods each service declares;
- unary: reviewmechanism.reviews.v1.ReviewsService/ListParties with the token;
- stream: ReviewsService/WatchNotifications (server streaming) with the token: the first notice, then a cancel;
- refused: ListParties without a token;
- oversize: GetParty whose iso3 holds 100 kB of text (the answer must be short and readable by grpcio).

Health and reflection stubs are compiled from the repository's protos/ at run time (interop_protos.py); the
product's messages come from the gateway's reflection (as a partner without our protos would build them), since
the protoc that Debian's grpc_tools bundles predates proto3 `optional`.
"""

import argparse
import json

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

import interop_protos

interop_protos.generate(interop_protos.HEALTH + interop_protos.REFLECTION)

from grpc.health.v1 import health_pb2, health_pb2_grpc  # noqa: E402  (generated above)
from grpc.reflection.v1 import reflection_pb2, reflection_pb2_grpc  # noqa: E402

TIMEOUT = 60
REVIEWS = "reviewmechanism.reviews.v1.ReviewsService"


def message_class(descriptor):
    """The message class of a descriptor (GetMessageClass since protobuf 4.22; Debian 12 ships 4.21)."""
    if hasattr(message_factory, "GetMessageClass"):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(descriptor.file.pool).GetPrototype(descriptor)


class Reviews:
    """ReviewsService's methods with messages built from descriptors the gateway's reflection served."""

    def __init__(self, channel, pool):
        service = pool.FindServiceByName(REVIEWS)
        self._channel = channel
        self._methods = {m.name: m for m in service.methods}

    def message(self, method, **fields):
        return message_class(self._methods[method].input_type)(**fields)

    def _callable(self, method, streaming):
        m = self._methods[method]
        reply = message_class(m.output_type)
        path = f"/{REVIEWS}/{method}"
        make = self._channel.unary_stream if streaming else self._channel.unary_unary
        return make(path, request_serializer=lambda r: r.SerializeToString(), response_deserializer=reply.FromString)

    def unary(self, method, request, **kwargs):
        return self._callable(method, False)(request, **kwargs)

    def stream(self, method, request, **kwargs):
        return self._callable(method, True)(request, **kwargs)


def descriptors(channel, symbol):
    """A descriptor pool holding the file that declares `symbol` and its dependencies, fetched by reflection."""
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    files = {}

    def fetch(request):
        reply = next(iter(stub.ServerReflectionInfo(iter([request]), timeout=TIMEOUT)))
        if reply.HasField("error_response"):
            raise LookupError(reply.error_response.error_message)
        for raw in reply.file_descriptor_response.file_descriptor_proto:
            file = descriptor_pb2.FileDescriptorProto.FromString(raw)
            files.setdefault(file.name, file)

    fetch(reflection_pb2.ServerReflectionRequest(file_containing_symbol=symbol))
    pool = descriptor_pool.DescriptorPool()
    added = set()

    def add(name):
        if name in added:
            return
        if name not in files:
            fetch(reflection_pb2.ServerReflectionRequest(file_by_filename=name))
        for dependency in files[name].dependency:
            add(dependency)
        pool.Add(files[name])
        added.add(name)

    for name in list(files):
        add(name)
    return pool


def outcome(error):
    return {"code": error.code().name, "details": error.details() or ""}


def health(channel):
    try:
        reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT)
        return {"code": "OK", "status": health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)}
    except grpc.RpcError as error:
        return outcome(error)


def reflection(channel):
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)

    def ask(request):
        return next(iter(stub.ServerReflectionInfo(iter([request]), timeout=TIMEOUT)))

    try:
        listed = [s.name for s in ask(reflection_pb2.ServerReflectionRequest(list_services="")).list_services_response.service]
        methods = {}
        for name in listed:
            reply = ask(reflection_pb2.ServerReflectionRequest(file_containing_symbol=name))
            if reply.HasField("error_response"):
                methods[name] = {"error": reply.error_response.error_message}
                continue
            package, _, short = name.rpartition(".")
            for raw in reply.file_descriptor_response.file_descriptor_proto:
                file = descriptor_pb2.FileDescriptorProto.FromString(raw)
                for service in file.service:
                    if file.package == package and service.name == short:
                        methods[name] = [m.name for m in service.method]
        return {"code": "OK", "services": listed, "methods": methods}
    except grpc.RpcError as error:
        return outcome(error)


def unary(reviews, metadata):
    try:
        reply = reviews.unary("ListParties", reviews.message("ListParties"), metadata=metadata, timeout=TIMEOUT)
        return {"code": "OK", "count": len(reply.parties), "first": reply.parties[0].iso3 if reply.parties else ""}
    except grpc.RpcError as error:
        return outcome(error)


def stream(reviews, metadata):
    """Opens the feed, takes the first notice, then cancels (a watch never ends by itself)."""
    call = reviews.stream("WatchNotifications", reviews.message("WatchNotifications", include_unread=True), metadata=metadata, timeout=TIMEOUT)
    received = 0
    try:
        for _ in call:
            received += 1
            call.cancel()
            break
        return {"code": call.code().name if call.code() else "OK", "details": call.details() or "", "messages": received}
    except grpc.RpcError as error:
        return {**outcome(error), "messages": received}


def refused(reviews):
    try:
        reviews.unary("ListParties", reviews.message("ListParties"), timeout=TIMEOUT)
        return {"code": "OK", "details": ""}
    except grpc.RpcError as error:
        return outcome(error)


def oversize(reviews, metadata):
    try:
        reviews.unary("GetParty", reviews.message("GetParty", iso3="A" * 100_000), metadata=metadata, timeout=TIMEOUT)
        return {"code": "OK", "details": ""}
    except grpc.RpcError as error:
        return outcome(error)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True)
    parser.add_argument("--token", required=True)
    args = parser.parse_args()
    metadata = [("authorization", f"Bearer {args.token}")]
    with grpc.insecure_channel(args.address, options=interop_protos.NO_PROXY) as channel:
        observed = {
            "client": f"grpcio {grpc.__version__}",
            "health": health(channel),
            "reflection": reflection(channel),
        }
        try:
            reviews = Reviews(channel, descriptors(channel, REVIEWS))
        except (grpc.RpcError, LookupError, KeyError, TypeError) as error:
            failed = {"code": "NO_DESCRIPTORS", "details": f"{REVIEWS} could not be described by reflection: {error!r}"[:500]}
            observed.update(unary=failed, stream=failed, refused=failed, oversize=failed)
        else:
            observed.update(
                unary=unary(reviews, metadata),
                stream=stream(reviews, metadata),
                refused=refused(reviews),
                oversize=oversize(reviews, metadata),
            )
    print(json.dumps(observed))


if __name__ == "__main__":
    main()
