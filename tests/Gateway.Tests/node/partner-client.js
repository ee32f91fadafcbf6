// A partner system's gRPC client on @grpc/grpc-js (an independent implementation), calling the interop
// TestService through the gateway with a bearer token. Prints one JSON object with what it observed.
//   node partner-client.js --address 127.0.0.1:PORT --token TOKEN --protos DIR
// Needs @grpc/grpc-js and @grpc/proto-loader (tests/interop-node, installed by eng/install-test-deps.sh; NODE_PATH).
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

function arg(name) {
  const i = process.argv.indexOf(name);
  if (i < 0 || i + 1 >= process.argv.length) throw new Error(`${name} is required`);
  return process.argv[i + 1];
}

const address = arg('--address');
const token = arg('--token');
const definition = protoLoader.loadSync('grpc/testing/test.proto', {
  includeDirs: [arg('--protos')], keepCase: true, longs: String, enums: String, defaults: true,
});
const TestService = grpc.loadPackageDefinition(definition).grpc.testing.TestService;
const client = new TestService(address, grpc.credentials.createInsecure());

function metadata(extra) {
  const m = new grpc.Metadata();
  if (token) m.set('authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(extra || {})) m.set(k, v);
  return m;
}

function unary(request, md) {
  return new Promise((resolve) => {
    let headers = null;
    let status = null;
    const call = client.UnaryCall(request, md, (error, response) => {
      const done = () => resolve({ error: error ? { code: error.code, details: error.details } : null, response, headers, status });
      if (status) done(); else call.on('status', (s) => { status = s; done(); });
    });
    call.on('metadata', (m) => { headers = m; });
    call.on('status', (s) => { status = s; });
  });
}

function serverStream(request, md) {
  return new Promise((resolve) => {
    const sizes = [];
    const call = client.StreamingOutputCall(request, md);
    call.on('data', (reply) => sizes.push(reply.payload.body.length));
    call.on('error', () => {});
    call.on('status', (status) => resolve({ sizes, code: status.code, details: status.details }));
  });
}

function duplex(sizes, md) {
  return new Promise((resolve) => {
    const received = [];
    const call = client.FullDuplexCall(md);
    let i = 0;
    const next = () => {
      if (i === sizes.length) { call.end(); return; }
      call.write({ response_parameters: [{ size: sizes[i++] }] });
    };
    call.on('data', (reply) => { received.push(reply.payload.body.length); next(); });
    call.on('error', () => {});
    call.on('status', (status) => resolve({ received, code: status.code }));
    next();
  });
}

(async () => {
  const trailing = Buffer.from([0xab, 0xab, 0xab]);
  const ok = await unary({ response_size: 314, payload: { body: Buffer.alloc(271) } },
    metadata({ 'x-grpc-test-echo-initial': 'partner-initial', 'x-grpc-test-echo-trailing-bin': trailing }));
  const failed = await unary({ response_status: { code: 9, message: 'Stage is Drafting' } }, metadata());
  const stream = await serverStream({ response_parameters: [{ size: 31415 }, { size: 9 }, { size: 2653 }, { size: 58979 }] }, metadata());
  const chat = await duplex([31415, 9, 2653, 58979], metadata());
  const anonymous = await new Promise((resolve) => {
    const m = new grpc.Metadata();
    client.EmptyCall({}, m, (error) => resolve(error ? { code: error.code, details: error.details } : null));
  });
  const detailsBin = failed.status && failed.status.metadata.get('grpc-status-details-bin')[0];
  console.log(JSON.stringify({
    unary: {
      code: ok.status && ok.status.code,
      size: ok.response && ok.response.payload.body.length,
      username: ok.response && ok.response.username,
      initial: ok.headers && ok.headers.get('x-grpc-test-echo-initial')[0],
      trailing: ok.status && ok.status.metadata.get('x-grpc-test-echo-trailing-bin').map((b) => b.toString('hex'))[0],
    },
    error: { code: failed.error && failed.error.code, details: failed.error && failed.error.details, detailsBinBytes: detailsBin ? detailsBin.length : 0 },
    stream,
    chat,
    anonymous,
  }));
  client.close();
})().catch((e) => { console.error(e); process.exit(1); });
