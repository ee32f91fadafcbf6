#!/usr/bin/python3
"""bench/grpc-unary: where the product server's telemetry goes, as a deployed service's goes to a collector.

An OTLP/HTTP receiver (http/protobuf) that reads every export request (/v1/traces, /v1/metrics, /v1/logs),
answers 200 with an empty Export*ServiceResponse and keeps nothing but counts, so the server pays the whole
cost of producing, batching, serializing and sending its telemetry, and the benchmark pays nothing for storing it.

    /usr/bin/python3 otlp_sink.py [--port=0]     prints "LISTENING <port>"; GET /stats answers the counts as JSON
"""

import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1 << 16))
            if not chunk:
                break
            remaining -= len(chunk)
        with lock:
            entry = counts.setdefault(self.path, {"requests": 0, "bytes": 0})
            entry["requests"] += 1
            entry["bytes"] += length
        self.send_response(200)
        self.send_header("content-type", "application/x-protobuf")
        self.send_header("content-length", "0")
        self.end_headers()

    def do_GET(self):
        with lock:
            body = json.dumps(counts).encode()
        self.send_response(200 if self.path == "/stats" else 404)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"LISTENING {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
