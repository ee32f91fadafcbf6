#!/usr/bin/python3
"""The benchmark's request, shared by every server:

    bench_call.py write FILE --request-size N --response-size M   writes the framed request for h2load
    bench_call.py verify PORT --request-size N --response-size M  one grpcio UnaryCall; exits 1 unless
                                                                   the reply is a SimpleResponse of M zero bytes
"""

import argparse
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "interop-python"))

import grpc  # noqa: E402

import interop_protos  # noqa: E402

interop_protos.generate(interop_protos.TESTING)

from grpc.testing import messages_pb2, test_pb2_grpc  # noqa: E402  (generated above)


def request(args):
    return messages_pb2.SimpleRequest(response_size=args.response_size, payload=messages_pb2.Payload(body=bytes(args.request_size)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["write", "verify"])
    parser.add_argument("target", help="file to write, or port to call")
    parser.add_argument("--request-size", type=int, required=True)
    parser.add_argument("--response-size", type=int, required=True)
    args = parser.parse_args()
    if args.action == "write":
        message = request(args).SerializeToString()
        with open(args.target, "wb") as f:
            f.write(struct.pack(">BI", 0, len(message)) + message)
        return 0
    with grpc.insecure_channel(f"127.0.0.1:{args.target}", options=interop_protos.NO_PROXY) as channel:
        try:
            response = test_pb2_grpc.TestServiceStub(channel).UnaryCall(request(args), timeout=10)
        except grpc.RpcError as error:
            print(f"UnaryCall on port {args.target} failed: {error.code().name} {error.details()}", file=sys.stderr)
            return 1
    body = response.payload.body
    if len(body) != args.response_size or body.count(0) != len(body):
        print(f"UnaryCall on port {args.target}: payload of {len(body)} bytes, expected {args.response_size} zero bytes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
