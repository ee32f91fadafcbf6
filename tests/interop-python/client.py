#!/usr/bin/python3
"""gRPC interop client driver on grpcio (Debian's python3-grpcio).

Runs one case of the gRPC interop test descriptions (doc/interop-test-descriptions.md in grpc/grpc)
against a grpc.testing.TestService server, prints PASS and exits 0, or prints what went wrong and
exits 1:

    /usr/bin/python3 client.py --server_host=127.0.0.1 --server_port=5000 --test_case=large_unary

Limits of grpcio's Python API, which the descriptions allow for: it cannot show the per-message
compressed flag of responses (server_compressed_* check success and sizes only), and it compresses
every message of a call or none (the last message of client_compressed_streaming goes compressed).
"""

import argparse
import os
import signal
import sys
import threading

import grpc

import interop_protos

interop_protos.generate(interop_protos.TESTING)

from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc  # noqa: E402  (generated above)

SPECIAL_STATUS_MESSAGE = "\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n"
ECHO_INITIAL = ("x-grpc-test-echo-initial", "test_initial_metadata_value")
ECHO_TRAILING = ("x-grpc-test-echo-trailing-bin", b"\xab\xab\xab")


class CaseFailure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CaseFailure(message)


class RequestPipe:
    """A request iterator fed one message at a time; close() half-closes the request stream."""

    def __init__(self):
        self._condition = threading.Condition()
        self._items = []
        self._closed = False

    def __iter__(self):
        return self

    def __next__(self):
        with self._condition:
            while not self._items and not self._closed:
                self._condition.wait()
            if self._items:
                return self._items.pop(0)
            raise StopIteration

    def add(self, message):
        with self._condition:
            self._items.append(message)
            self._condition.notify()

    def close(self):
        with self._condition:
            self._closed = True
            self._condition.notify()


def zeros(size):
    return messages_pb2.Payload(body=bytes(size))


def check_payload(message, size, what):
    body = message.payload.body
    check(len(body) == size, f"{what}: payload body is {len(body)} bytes, expected {size}.")
    check(body.count(0) == size, f"{what}: payload body is not all zeros.")


def expect_error(call, code, what):
    """Runs `call` and returns the RpcError it must end with."""
    try:
        call()
    except grpc.RpcError as error:
        check(error.code() == code, f"{what}: status {error.code().name} ({error.details()!r}), expected {code.name}.")
        return error
    raise CaseFailure(f"{what}: the call succeeded, expected status {code.name}.")


def call_ok(call, what):
    try:
        return call()
    except grpc.RpcError as error:
        raise CaseFailure(f"{what}: failed with status {error.code().name}: {error.details()}") from None


def large_request(**extra):
    return messages_pb2.SimpleRequest(response_size=314159, payload=zeros(271828), **extra)


def check_echoed_metadata(initial, trailing, what):
    got_initial = [v for k, v in initial if k == ECHO_INITIAL[0]]
    check(got_initial == [ECHO_INITIAL[1]], f"{what}: initial metadata {ECHO_INITIAL[0]} is {got_initial!r}, expected {[ECHO_INITIAL[1]]!r}.")
    got_trailing = [v for k, v in trailing if k == ECHO_TRAILING[0]]
    check(got_trailing == [ECHO_TRAILING[1]], f"{what}: trailing metadata {ECHO_TRAILING[0]} is {got_trailing!r}, expected {[ECHO_TRAILING[1]]!r}.")


def empty_unary(stub, _):
    response = call_ok(lambda: stub.EmptyCall(empty_pb2.Empty()), "EmptyCall")
    check(isinstance(response, empty_pb2.Empty), f"EmptyCall: the response is {type(response).__name__}, expected Empty.")


def large_unary(stub, _):
    response = call_ok(lambda: stub.UnaryCall(large_request()), "UnaryCall")
    check_payload(response, 314159, "UnaryCall")


def client_compressed_unary(stub, _):
    probe = large_request(expect_compressed=messages_pb2.BoolValue(value=True))
    expect_error(lambda: stub.UnaryCall(probe), grpc.StatusCode.INVALID_ARGUMENT,
                 "probe (uncompressed request, expect_compressed=true)")
    compressed = large_request(expect_compressed=messages_pb2.BoolValue(value=True))
    response = call_ok(lambda: stub.UnaryCall(compressed, compression=grpc.Compression.Gzip), "compressed request")
    check_payload(response, 314159, "compressed request")
    plain = large_request(expect_compressed=messages_pb2.BoolValue(value=False))
    response = call_ok(lambda: stub.UnaryCall(plain), "uncompressed request")
    check_payload(response, 314159, "uncompressed request")


def server_compressed_unary(stub, _):
    for compressed in (True, False):
        request = large_request(response_compressed=messages_pb2.BoolValue(value=compressed))
        what = f"UnaryCall with response_compressed={compressed}"
        response = call_ok(lambda: stub.UnaryCall(request), what)
        check_payload(response, 314159, what)


def client_streaming(stub, _):
    requests = [messages_pb2.StreamingInputCallRequest(payload=zeros(n)) for n in (27182, 8, 1828, 45904)]
    response = call_ok(lambda: stub.StreamingInputCall(iter(requests)), "StreamingInputCall")
    check(response.aggregated_payload_size == 74922,
          f"StreamingInputCall: aggregated_payload_size is {response.aggregated_payload_size}, expected 74922.")


def client_compressed_streaming(stub, _):
    probe = messages_pb2.StreamingInputCallRequest(expect_compressed=messages_pb2.BoolValue(value=True), payload=zeros(27182))
    expect_error(lambda: stub.StreamingInputCall(iter([probe])), grpc.StatusCode.INVALID_ARGUMENT,
                 "probe (uncompressed message, expect_compressed=true)")
    requests = [
        messages_pb2.StreamingInputCallRequest(expect_compressed=messages_pb2.BoolValue(value=True), payload=zeros(27182)),
        messages_pb2.StreamingInputCallRequest(expect_compressed=messages_pb2.BoolValue(value=False), payload=zeros(45904)),
    ]
    response = call_ok(lambda: stub.StreamingInputCall(iter(requests), compression=grpc.Compression.Gzip),
                       "compressed StreamingInputCall")
    check(response.aggregated_payload_size == 73086,
          f"StreamingInputCall: aggregated_payload_size is {response.aggregated_payload_size}, expected 73086.")


def server_streaming(stub, _):
    sizes = [31415, 9, 2653, 58979]
    request = messages_pb2.StreamingOutputCallRequest(
        response_parameters=[messages_pb2.ResponseParameters(size=n) for n in sizes])
    responses = call_ok(lambda: list(stub.StreamingOutputCall(request)), "StreamingOutputCall")
    check(len(responses) == len(sizes), f"StreamingOutputCall: {len(responses)} responses, expected {len(sizes)}.")
    for i, (response, size) in enumerate(zip(responses, sizes)):
        check_payload(response, size, f"StreamingOutputCall response {i + 1}")


def server_compressed_streaming(stub, _):
    request = messages_pb2.StreamingOutputCallRequest(response_parameters=[
        messages_pb2.ResponseParameters(compressed=messages_pb2.BoolValue(value=True), size=31415),
        messages_pb2.ResponseParameters(compressed=messages_pb2.BoolValue(value=False), size=92653),
    ])
    responses = call_ok(lambda: list(stub.StreamingOutputCall(request)), "StreamingOutputCall")
    check(len(responses) == 2, f"StreamingOutputCall: {len(responses)} responses, expected 2.")
    check_payload(responses[0], 31415, "StreamingOutputCall response 1")
    check_payload(responses[1], 92653, "StreamingOutputCall response 2")


def ping_pong(stub, _):
    steps = [(31415, 27182), (9, 8), (2653, 1828), (58979, 45904)]
    pipe = RequestPipe()
    responses = stub.FullDuplexCall(pipe)
    try:
        for i, (response_size, request_size) in enumerate(steps):
            pipe.add(messages_pb2.StreamingOutputCallRequest(
                response_parameters=[messages_pb2.ResponseParameters(size=response_size)], payload=zeros(request_size)))
            response = call_ok(lambda: next(responses, None), "FullDuplexCall")
            check(response is not None, f"FullDuplexCall: the stream ended after {i} responses, expected 4.")
            check_payload(response, response_size, f"FullDuplexCall response {i + 1}")
        pipe.close()
        extra = call_ok(lambda: next(responses, None), "FullDuplexCall")
        check(extra is None, "FullDuplexCall: more than 4 responses.")
        check(responses.code() == grpc.StatusCode.OK, f"FullDuplexCall: status {responses.code().name}, expected OK.")
    finally:
        pipe.close()


def empty_stream(stub, _):
    responses = call_ok(lambda: list(stub.FullDuplexCall(iter([]))), "FullDuplexCall")
    check(len(responses) == 0, f"FullDuplexCall: {len(responses)} responses, expected none.")


def cancel_after_begin(stub, _):
    pipe = RequestPipe()
    try:
        future = stub.StreamingInputCall.future(pipe)
        future.cancel()
        check(future.cancelled(), "StreamingInputCall: the call was not cancelled.")
        check(future.code() == grpc.StatusCode.CANCELLED, f"StreamingInputCall: status {future.code().name}, expected CANCELLED.")
    finally:
        pipe.close()


def cancel_after_first_response(stub, _):
    pipe = RequestPipe()
    try:
        responses = stub.FullDuplexCall(pipe)
        pipe.add(messages_pb2.StreamingOutputCallRequest(
            response_parameters=[messages_pb2.ResponseParameters(size=31415)], payload=zeros(27182)))
        first = call_ok(lambda: next(responses), "FullDuplexCall")
        check_payload(first, 31415, "FullDuplexCall first response")
        responses.cancel()
        expect_error(lambda: next(responses), grpc.StatusCode.CANCELLED, "FullDuplexCall after cancel")
    finally:
        pipe.close()


def timeout_on_sleeping_server(stub, _):
    pipe = RequestPipe()
    try:
        responses = stub.FullDuplexCall(pipe, timeout=0.001)
        pipe.add(messages_pb2.StreamingOutputCallRequest(payload=zeros(27182)))
        expect_error(lambda: next(responses), grpc.StatusCode.DEADLINE_EXCEEDED, "FullDuplexCall with a 1 ms timeout")
    finally:
        pipe.close()


def custom_metadata(stub, _):
    metadata = (ECHO_INITIAL, ECHO_TRAILING)
    response, call = call_ok(lambda: stub.UnaryCall.with_call(large_request(), metadata=metadata), "UnaryCall")
    check_payload(response, 314159, "UnaryCall")
    check_echoed_metadata(call.initial_metadata(), call.trailing_metadata(), "UnaryCall")

    request = messages_pb2.StreamingOutputCallRequest(
        response_parameters=[messages_pb2.ResponseParameters(size=314159)], payload=zeros(271828))
    responses = stub.FullDuplexCall(iter([request]), metadata=metadata)
    received = call_ok(lambda: list(responses), "FullDuplexCall")
    check(len(received) == 1, f"FullDuplexCall: {len(received)} responses, expected 1.")
    check_payload(received[0], 314159, "FullDuplexCall")
    check_echoed_metadata(responses.initial_metadata(), responses.trailing_metadata(), "FullDuplexCall")


def check_echoed_status(stub, message):
    status = messages_pb2.EchoStatus(code=2, message=message)
    error = expect_error(lambda: stub.UnaryCall(messages_pb2.SimpleRequest(response_status=status)),
                         grpc.StatusCode.UNKNOWN, "UnaryCall")
    check(error.details() == message, f"UnaryCall: status message {error.details()!r}, expected {message!r}.")
    request = messages_pb2.StreamingOutputCallRequest(response_status=status)
    error = expect_error(lambda: list(stub.FullDuplexCall(iter([request]))), grpc.StatusCode.UNKNOWN, "FullDuplexCall")
    check(error.details() == message, f"FullDuplexCall: status message {error.details()!r}, expected {message!r}.")


def status_code_and_message(stub, _):
    check_echoed_status(stub, "test status message")


def special_status_message(stub, _):
    status = messages_pb2.EchoStatus(code=2, message=SPECIAL_STATUS_MESSAGE)
    error = expect_error(lambda: stub.UnaryCall(messages_pb2.SimpleRequest(response_status=status)),
                         grpc.StatusCode.UNKNOWN, "UnaryCall")
    check(error.details() == SPECIAL_STATUS_MESSAGE,
          f"UnaryCall: status message {error.details()!r}, expected {SPECIAL_STATUS_MESSAGE!r}.")


def unimplemented_method(stub, _):
    expect_error(lambda: stub.UnimplementedCall(empty_pb2.Empty()), grpc.StatusCode.UNIMPLEMENTED,
                 "TestService/UnimplementedCall")


def unimplemented_service(_, channel):
    stub = test_pb2_grpc.UnimplementedServiceStub(channel)
    expect_error(lambda: stub.UnimplementedCall(empty_pb2.Empty()), grpc.StatusCode.UNIMPLEMENTED,
                 "UnimplementedService/UnimplementedCall")


CASES = {f.__name__: f for f in (
    empty_unary, large_unary, client_compressed_unary, server_compressed_unary, client_streaming,
    client_compressed_streaming, server_streaming, server_compressed_streaming, ping_pong, empty_stream,
    cancel_after_begin, cancel_after_first_response, timeout_on_sleeping_server, custom_metadata,
    status_code_and_message, special_status_message, unimplemented_method, unimplemented_service,
)}


def main():
    parser = argparse.ArgumentParser(description="gRPC interop client on grpcio")
    parser.add_argument("--server_host", default="127.0.0.1")
    parser.add_argument("--server_port", required=True, type=int)
    parser.add_argument("--test_case", required=True, choices=sorted(CASES))
    parser.add_argument("--timeout_seconds", default=60, type=int)
    args = parser.parse_args()

    def on_timeout(*_):
        print(f"FAIL {args.test_case}: no result within {args.timeout_seconds} s.", file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(1)

    signal.signal(signal.SIGALRM, on_timeout)
    signal.alarm(args.timeout_seconds)
    target = f"{args.server_host}:{args.server_port}"
    try:
        with grpc.insecure_channel(target, options=interop_protos.NO_PROXY) as channel:
            CASES[args.test_case](test_pb2_grpc.TestServiceStub(channel), channel)
    except CaseFailure as failure:
        print(f"FAIL {args.test_case}: {failure}", file=sys.stderr)
        return 1
    print(f"PASS {args.test_case} (grpcio {grpc.__version__} -> {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
