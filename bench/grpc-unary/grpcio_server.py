#!/usr/bin/python3
"""bench/grpc-unary (d): TestService/UnaryCall on Python grpcio (asyncio server), the same message as
the other servers: a SimpleResponse whose payload is response_size zero bytes.

    /usr/bin/python3 grpcio_server.py [--port=0]

Prints "LISTENING <port>" once bound; stops on SIGTERM.
"""

import argparse
import asyncio
import os
import signal
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "interop-python"))

import grpc  # noqa: E402

import interop_protos  # noqa: E402

interop_protos.generate(interop_protos.TESTING)

from grpc.testing import messages_pb2, test_pb2_grpc  # noqa: E402  (generated above)


class BenchTestService(test_pb2_grpc.TestServiceServicer):
    async def UnaryCall(self, request, context):
        return messages_pb2.SimpleResponse(payload=messages_pb2.Payload(body=bytes(request.response_size)))


async def serve(port):
    server = grpc.aio.server()
    test_pb2_grpc.add_TestServiceServicer_to_server(BenchTestService(), server)
    bound = server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    print(f"LISTENING {bound}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.stop(grace=None)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    asyncio.run(serve(parser.parse_args().port))


if __name__ == "__main__":
    main()
