#!/usr/bin/env node
'use strict';

// bench/grpc-unary (c): TestService/UnaryCall on @grpc/grpc-js, the same message as the other
// servers: a SimpleResponse whose payload is response_size zero bytes. Uses the packages and the
// proto loading of tests/interop-node (installed by eng/install-test-deps.sh).
//
//   node grpcjs_server.js [--port=0]
//
// Prints "LISTENING <port>" once bound; stops on SIGTERM.

const path = require('path');
const { createRequire } = require('module');

const interopNode = path.resolve(__dirname, '..', '..', 'tests', 'interop-node');
const requireInterop = createRequire(path.join(interopNode, 'package.json'));
const grpc = requireInterop('@grpc/grpc-js');
const { parseArgs } = require(path.join(interopNode, 'lib', 'args'));
const { loadTesting } = require(path.join(interopNode, 'lib', 'protos'));

const args = parseArgs(process.argv.slice(2), { port: '0' });
const { TestService } = loadTesting();
const server = new grpc.Server();
server.addService(TestService.service, {
  UnaryCall(call, callback) {
    callback(null, { payload: { body: Buffer.alloc(call.request.response_size) } });
  },
});
server.bindAsync(`127.0.0.1:${args.port}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(`Cannot listen: ${err.message}`);
    process.exit(1);
  }
  console.log(`LISTENING ${port}`);
});
const stop = () => {
  server.forceShutdown();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
