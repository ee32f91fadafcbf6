#!/usr/bin/env node
// Calls one RPC of the Review Mechanism with @grpc/grpc-js, a standard gRPC client, loading the
// contracts from protos/ (installed by eng/install-test-deps.sh into tests/interop-node).
//   node eng/grpc-call.js [--token T] [--address 127.0.0.1:5081] package.Service/Method '{"json": "request"}'
// Unary and server-streaming RPCs; prints each response as JSON, then the status and trailers.
'use strict';
const path = require('path');
const fs = require('fs');
module.paths.push(path.join(__dirname, '..', 'tests', 'interop-node', 'node_modules'));
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function usage(message) {
  if (message) console.error(message);
  console.error("usage: node eng/grpc-call.js [--token T] [--address host:port] package.Service/Method ['{json request}']");
  process.exit(2);
}

const args = process.argv.slice(2);
let token = process.env.TOKEN || '';
let address = '127.0.0.1:5081';
const positional = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--token') token = args[++i] || usage('--token needs a value');
  else if (args[i] === '--address') address = args[++i] || usage('--address needs a value');
  else positional.push(args[i]);
}
if (positional.length < 1 || positional.length > 2) usage();
const [fullMethod, json = '{}'] = positional;
const slash = fullMethod.lastIndexOf('/');
if (slash < 0) usage(`'${fullMethod}' is not package.Service/Method`);
const serviceName = fullMethod.slice(0, slash);
const methodName = fullMethod.slice(slash + 1);

const protosRoot = path.join(__dirname, '..', 'protos');
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'testing') walk(full); }
    else if (entry.name.endsWith('.proto')) files.push(path.relative(protosRoot, full));
  }
})(path.join(protosRoot, 'reviewmechanism'));
files.push(path.join('grpc', 'health', 'v1', 'health.proto'));

const definition = protoLoader.loadSync(files, { includeDirs: [protosRoot], keepCase: false, longs: String, enums: String, defaults: false, oneofs: true });
const service = definition[serviceName];
if (!service) usage(`unknown service '${serviceName}' (known: ${Object.keys(definition).filter(k => definition[k].format === undefined && !k.startsWith('google.')).join(', ')})`);
const method = Object.values(service).find(m => m.originalName === methodName || m.path === `/${serviceName}/${methodName}`);
if (!method) usage(`service '${serviceName}' has no method '${methodName}'`);

let request;
try { request = JSON.parse(json); } catch (e) { usage(`the request is not JSON: ${e.message}`); }
const metadata = new grpc.Metadata();
if (token) metadata.set('authorization', `Bearer ${token}`);

const client = new grpc.Client(address, grpc.credentials.createInsecure());
const serialize = method.requestSerialize;
const deserialize = method.responseDeserialize;
const report = (status) => {
  console.error(`status: ${grpc.status[status.code]} (${status.code})${status.details ? ' ' + status.details : ''}`);
  for (const [key, value] of Object.entries(status.metadata ? status.metadata.getMap() : {})) {
    console.error(`trailer ${key}: ${Buffer.isBuffer(value) ? value.toString('base64') : value}`);
  }
  client.close();
  process.exitCode = status.code === 0 ? 0 : 1;
};
const print = (message) => console.log(JSON.stringify(message, null, 2));

if (method.requestStream) usage('client-streaming RPCs are not supported by this tool');
if (method.responseStream) {
  const call = client.makeServerStreamRequest(method.path, serialize, deserialize, request, metadata);
  call.on('data', print);
  call.on('error', () => {});
  call.on('status', report);
} else {
  const call = client.makeUnaryRequest(method.path, serialize, deserialize, request, metadata, (error, response) => {
    if (!error) print(response);
  });
  call.on('status', report);
}
