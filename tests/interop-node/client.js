#!/usr/bin/env node
'use strict';

// gRPC interop client driver on @grpc/grpc-js. Runs one case of the gRPC interop test
// descriptions (doc/interop-test-descriptions.md in grpc/grpc) against a grpc.testing.TestService
// server, prints PASS and exits 0, or prints what went wrong and exits 1.
//
//   node client.js --server_host=127.0.0.1 --server_port=5000 --test_case=large_unary
//
// --verify_compressed_flag=true (the default) also repeats the server_compressed_* cases over raw
// HTTP/2 to assert the per-message compressed flag, which grpc-js does not show to applications.

const grpc = require('@grpc/grpc-js');
const { parseArgs, parseBool } = require('./lib/args');
const { loadTesting } = require('./lib/protos');
const { rawCall } = require('./lib/wire');

const Status = grpc.status;
const NO_COMPRESS = 2; // grpc-js WriteFlags.NoCompress
const GZIP = 2; // grpc-js compression algorithm number for gzip
const SPECIAL_STATUS_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \uD83D\uDE08\t\n';
const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_INITIAL_VALUE = 'test_initial_metadata_value';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';
const ECHO_TRAILING_VALUE = Buffer.from([0xab, 0xab, 0xab]);

class CaseFailure extends Error {}

function check(condition, message) {
  if (!condition) {
    throw new CaseFailure(message);
  }
}

const statusName = (code) => Object.keys(Status).find((k) => Status[k] === code) || String(code);

function zeros(size) {
  return Buffer.alloc(size);
}

function checkPayload(message, size, what) {
  check(message && message.payload, `${what}: the response has no payload (expected ${size} bytes).`);
  const body = message.payload.body;
  check(body.length === size, `${what}: payload body is ${body.length} bytes, expected ${size}.`);
  check(body.every((b) => b === 0), `${what}: payload body is not all zeros.`);
}

function checkError(error, code, what) {
  check(error, `${what}: the call succeeded, expected status ${statusName(code)}.`);
  check(error.code === code,
    `${what}: status ${statusName(error.code)} (${JSON.stringify(error.details)}), expected ${statusName(code)}.`);
}

function checkOk(error, what) {
  check(!error, `${what}: failed with status ${error && statusName(error.code)}: ${error && error.details}`);
}

// A unary call that resolves (never rejects) with the response or error, headers and final status.
function unary(client, method, request, { metadata = new grpc.Metadata(), options = {} } = {}) {
  return new Promise((resolve) => {
    let response;
    let error;
    let headers;
    const call = client[method](request, metadata, options, (err, res) => {
      error = err;
      response = res;
    });
    call.on('metadata', (md) => { headers = md; });
    call.on('status', (status) => resolve({ response, error, headers, status }));
  });
}

// Waits for a client-streaming call's single response (or error).
function clientStreaming(client, method, { metadata = new grpc.Metadata(), options = {} } = {}) {
  let settle;
  const done = new Promise((resolve) => { settle = resolve; });
  let response;
  let error;
  const call = client[method](metadata, options, (err, res) => {
    error = err;
    response = res;
  });
  call.on('status', (status) => settle({ response, error, status }));
  return { call, done };
}

// Reads a server-streaming or duplex call to its end: every message, headers, final status.
function collect(call) {
  return new Promise((resolve) => {
    const messages = [];
    let headers;
    let error;
    let status;
    let ended = false;
    const finish = () => {
      if (status && (ended || error)) {
        resolve({ messages, headers, error, status });
      }
    };
    call.on('metadata', (md) => { headers = md; });
    call.on('data', (m) => messages.push(m));
    call.on('end', () => { ended = true; finish(); });
    call.on('error', (e) => { error = e; finish(); });
    call.on('status', (s) => { status = s; setImmediate(finish); });
  });
}

function echoMetadata() {
  const md = new grpc.Metadata();
  md.set(ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE);
  md.set(ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE);
  return md;
}

function checkEchoedMetadata(headers, trailers, what) {
  const initial = headers ? headers.get(ECHO_INITIAL_KEY) : [];
  check(initial.length === 1 && initial[0] === ECHO_INITIAL_VALUE,
    `${what}: initial metadata ${ECHO_INITIAL_KEY} is ${JSON.stringify(initial)}, expected ["${ECHO_INITIAL_VALUE}"].`);
  const trailing = trailers ? trailers.get(ECHO_TRAILING_KEY) : [];
  check(trailing.length === 1 && Buffer.isBuffer(trailing[0]) && trailing[0].equals(ECHO_TRAILING_VALUE),
    `${what}: trailing metadata ${ECHO_TRAILING_KEY} is ${JSON.stringify(trailing.map((v) => v.toString('hex')))}, expected ["ababab"].`);
}

const largeRequest = (extra = {}) => ({ response_size: 314159, payload: { body: zeros(271828) }, ...extra });

const cases = {
  async empty_unary({ client }) {
    const { response, error } = await unary(client, 'EmptyCall', {});
    checkOk(error, 'EmptyCall');
    check(response !== null && response !== undefined, 'EmptyCall: the response is null.');
  },

  async large_unary({ client }) {
    const { response, error } = await unary(client, 'UnaryCall', largeRequest());
    checkOk(error, 'UnaryCall');
    checkPayload(response, 314159, 'UnaryCall');
  },

  async client_compressed_unary({ client, gzipClient }) {
    const probe = await unary(client, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }));
    checkError(probe.error, Status.INVALID_ARGUMENT, 'probe (uncompressed request, expect_compressed=true)');
    const compressed = await unary(gzipClient, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }));
    checkOk(compressed.error, 'compressed request');
    checkPayload(compressed.response, 314159, 'compressed request');
    const plain = await unary(client, 'UnaryCall', largeRequest({ expect_compressed: { value: false } }));
    checkOk(plain.error, 'uncompressed request');
    checkPayload(plain.response, 314159, 'uncompressed request');
  },

  async server_compressed_unary({ client, TestService, args }) {
    for (const compressed of [true, false]) {
      const request = largeRequest({ response_compressed: { value: compressed } });
      const { response, error } = await unary(client, 'UnaryCall', request);
      checkOk(error, `UnaryCall with response_compressed=${compressed}`);
      checkPayload(response, 314159, `UnaryCall with response_compressed=${compressed}`);
      if (args.verify_compressed_flag) {
        const method = TestService.service.UnaryCall;
        const wire = await rawCall(args.server_host, args.server_port, method.path, method.requestSerialize(request));
        const what = `raw HTTP/2 UnaryCall with response_compressed=${compressed}`;
        check(wire.trailers['grpc-status'] === '0', `${what}: grpc-status ${wire.trailers['grpc-status']} (${wire.trailers['grpc-message']}).`);
        check(wire.messages.length === 1, `${what}: ${wire.messages.length} messages, expected 1.`);
        check(wire.messages[0].compressed === compressed,
          `${what}: the response message's compressed flag is ${wire.messages[0].compressed ? 1 : 0}, expected ${compressed ? 1 : 0}.`);
        checkPayload(method.responseDeserialize(wire.messages[0].payload), 314159, what);
      }
    }
  },

  async client_streaming({ client }) {
    const { call, done } = clientStreaming(client, 'StreamingInputCall');
    for (const size of [27182, 8, 1828, 45904]) {
      call.write({ payload: { body: zeros(size) } });
    }
    call.end();
    const { response, error } = await done;
    checkOk(error, 'StreamingInputCall');
    check(response.aggregated_payload_size === 74922,
      `StreamingInputCall: aggregated_payload_size is ${response.aggregated_payload_size}, expected 74922.`);
  },

  async client_compressed_streaming({ client, gzipClient }) {
    const probe = clientStreaming(client, 'StreamingInputCall');
    probe.call.write({ expect_compressed: { value: true }, payload: { body: zeros(27182) } });
    probe.call.end();
    const probed = await probe.done;
    checkError(probed.error, Status.INVALID_ARGUMENT, 'probe (uncompressed message, expect_compressed=true)');

    const { call, done } = clientStreaming(gzipClient, 'StreamingInputCall');
    call.write({ expect_compressed: { value: true }, payload: { body: zeros(27182) } });
    call.write({ expect_compressed: { value: false }, payload: { body: zeros(45904) } }, NO_COMPRESS);
    call.end();
    const { response, error } = await done;
    checkOk(error, 'compressed StreamingInputCall');
    check(response.aggregated_payload_size === 73086,
      `StreamingInputCall: aggregated_payload_size is ${response.aggregated_payload_size}, expected 73086.`);
  },

  async server_streaming({ client }) {
    const sizes = [31415, 9, 2653, 58979];
    const call = client.StreamingOutputCall({ response_parameters: sizes.map((size) => ({ size })) });
    const { messages, error } = await collect(call);
    checkOk(error, 'StreamingOutputCall');
    check(messages.length === sizes.length, `StreamingOutputCall: ${messages.length} responses, expected ${sizes.length}.`);
    sizes.forEach((size, i) => checkPayload(messages[i], size, `StreamingOutputCall response ${i + 1}`));
  },

  async server_compressed_streaming({ client, TestService, args }) {
    const request = {
      response_parameters: [
        { compressed: { value: true }, size: 31415 },
        { compressed: { value: false }, size: 92653 },
      ],
    };
    const { messages, error } = await collect(client.StreamingOutputCall(request));
    checkOk(error, 'StreamingOutputCall');
    check(messages.length === 2, `StreamingOutputCall: ${messages.length} responses, expected 2.`);
    checkPayload(messages[0], 31415, 'StreamingOutputCall response 1');
    checkPayload(messages[1], 92653, 'StreamingOutputCall response 2');
    if (args.verify_compressed_flag) {
      const method = TestService.service.StreamingOutputCall;
      const wire = await rawCall(args.server_host, args.server_port, method.path, method.requestSerialize(request));
      const what = 'raw HTTP/2 StreamingOutputCall';
      check(wire.trailers['grpc-status'] === '0', `${what}: grpc-status ${wire.trailers['grpc-status']} (${wire.trailers['grpc-message']}).`);
      check(wire.messages.length === 2, `${what}: ${wire.messages.length} messages, expected 2.`);
      check(wire.messages[0].compressed, `${what}: response 1 asked compressed=true but its compressed flag is 0.`);
      check(!wire.messages[1].compressed, `${what}: response 2 asked compressed=false but its compressed flag is 1.`);
      checkPayload(method.responseDeserialize(wire.messages[0].payload), 31415, `${what} response 1`);
      checkPayload(method.responseDeserialize(wire.messages[1].payload), 92653, `${what} response 2`);
    }
  },

  async ping_pong({ client }) {
    const steps = [[31415, 27182], [9, 8], [2653, 1828], [58979, 45904]];
    const call = client.FullDuplexCall();
    const finished = collectStatus(call);
    const responses = call[Symbol.asyncIterator]();
    for (const [i, [responseSize, requestSize]] of steps.entries()) {
      call.write({ response_parameters: [{ size: responseSize }], payload: { body: zeros(requestSize) } });
      const { value, done } = await responses.next();
      check(!done, `FullDuplexCall: the stream ended after ${i} responses, expected 4.`);
      checkPayload(value, responseSize, `FullDuplexCall response ${i + 1}`);
    }
    call.end();
    const last = await responses.next();
    check(last.done, 'FullDuplexCall: more than 4 responses.');
    const status = await finished;
    check(status.code === Status.OK, `FullDuplexCall: status ${statusName(status.code)} (${status.details}), expected OK.`);
  },

  async empty_stream({ client }) {
    const call = client.FullDuplexCall();
    call.end();
    const { messages, error } = await collect(call);
    checkOk(error, 'FullDuplexCall');
    check(messages.length === 0, `FullDuplexCall: ${messages.length} responses, expected none.`);
  },

  async cancel_after_begin({ client }) {
    const { call, done } = clientStreaming(client, 'StreamingInputCall');
    call.cancel();
    const { error } = await done;
    checkError(error, Status.CANCELLED, 'StreamingInputCall cancelled after begin');
  },

  async cancel_after_first_response({ client }) {
    const call = client.FullDuplexCall();
    const finished = collectStatus(call);
    const responses = call[Symbol.asyncIterator]();
    call.write({ response_parameters: [{ size: 31415 }], payload: { body: zeros(27182) } });
    const first = await responses.next();
    check(!first.done, 'FullDuplexCall: the stream ended before the first response.');
    checkPayload(first.value, 31415, 'FullDuplexCall first response');
    call.cancel();
    const status = await finished;
    check(status.code === Status.CANCELLED, `FullDuplexCall: status ${statusName(status.code)}, expected CANCELLED.`);
  },

  async timeout_on_sleeping_server({ client }) {
    const call = client.FullDuplexCall({ deadline: new Date(Date.now() + 1) });
    call.write({ payload: { body: zeros(27182) } });
    const { error } = await collect(call);
    checkError(error, Status.DEADLINE_EXCEEDED, 'FullDuplexCall with a 1 ms timeout');
  },

  async custom_metadata({ client }) {
    const unaryResult = await unary(client, 'UnaryCall', largeRequest(), { metadata: echoMetadata() });
    checkOk(unaryResult.error, 'UnaryCall');
    checkPayload(unaryResult.response, 314159, 'UnaryCall');
    checkEchoedMetadata(unaryResult.headers, unaryResult.status.metadata, 'UnaryCall');

    const call = client.FullDuplexCall(echoMetadata());
    call.write({ response_parameters: [{ size: 314159 }], payload: { body: zeros(271828) } });
    call.end();
    const { messages, headers, error, status } = await collect(call);
    checkOk(error, 'FullDuplexCall');
    check(messages.length === 1, `FullDuplexCall: ${messages.length} responses, expected 1.`);
    checkPayload(messages[0], 314159, 'FullDuplexCall');
    checkEchoedMetadata(headers, status.metadata, 'FullDuplexCall');
  },

  async status_code_and_message({ client }) {
    await checkEchoedStatus(client, 'test status message');
  },

  async special_status_message({ client }) {
    const response_status = { code: 2, message: SPECIAL_STATUS_MESSAGE };
    const { error } = await unary(client, 'UnaryCall', { response_status });
    checkError(error, 2, 'UnaryCall');
    check(error.details === SPECIAL_STATUS_MESSAGE,
      `UnaryCall: status message ${JSON.stringify(error.details)}, expected ${JSON.stringify(SPECIAL_STATUS_MESSAGE)}.`);
  },

  async unimplemented_method({ client }) {
    const { error } = await unary(client, 'UnimplementedCall', {});
    checkError(error, Status.UNIMPLEMENTED, 'TestService/UnimplementedCall');
  },

  async unimplemented_service({ unimplementedClient }) {
    const { error } = await unary(unimplementedClient, 'UnimplementedCall', {});
    checkError(error, Status.UNIMPLEMENTED, 'UnimplementedService/UnimplementedCall');
  },
};

async function checkEchoedStatus(client, message) {
  const response_status = { code: 2, message };
  const unaryResult = await unary(client, 'UnaryCall', { response_status });
  checkError(unaryResult.error, 2, 'UnaryCall');
  check(unaryResult.error.details === message,
    `UnaryCall: status message ${JSON.stringify(unaryResult.error.details)}, expected ${JSON.stringify(message)}.`);

  const call = client.FullDuplexCall();
  call.write({ response_status });
  call.end();
  const { error } = await collect(call);
  checkError(error, 2, 'FullDuplexCall');
  check(error.details === message,
    `FullDuplexCall: status message ${JSON.stringify(error.details)}, expected ${JSON.stringify(message)}.`);
}

function collectStatus(call) {
  return new Promise((resolve) => {
    call.on('error', () => {}); // the status event carries the outcome
    call.on('status', resolve);
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2), {
    server_host: '127.0.0.1',
    server_port: '',
    test_case: '',
    verify_compressed_flag: 'true',
    timeout_seconds: '60',
  });
  args.verify_compressed_flag = parseBool(args.verify_compressed_flag, 'verify_compressed_flag');
  if (!args.server_port || !args.test_case) {
    throw new Error('Usage: client.js --server_host=HOST --server_port=PORT --test_case=CASE');
  }
  const run = cases[args.test_case];
  if (!run) {
    throw new Error(`Unknown test case '${args.test_case}'. Known: ${Object.keys(cases).join(', ')}.`);
  }
  const { TestService, UnimplementedService } = loadTesting();
  const target = `${args.server_host}:${args.server_port}`;
  const credentials = grpc.credentials.createInsecure();
  const options = { 'grpc.enable_http_proxy': 0 }; // loopback: never through an HTTP proxy from the environment
  const context = {
    args,
    TestService,
    client: new TestService(target, credentials, options),
    gzipClient: new TestService(target, credentials, { ...options, 'grpc.default_compression_algorithm': GZIP }),
    unimplementedClient: new UnimplementedService(target, credentials, options),
  };
  const timeout = setTimeout(() => {
    console.error(`FAIL ${args.test_case}: no result within ${args.timeout_seconds} s.`);
    process.exit(1);
  }, Number(args.timeout_seconds) * 1000);
  try {
    await run(context);
  } finally {
    clearTimeout(timeout);
    context.client.close();
    context.gzipClient.close();
    context.unimplementedClient.close();
  }
  console.log(`PASS ${args.test_case} (grpc-js ${require('@grpc/grpc-js/package.json').version} -> ${target})`);
}

main().then(
  () => process.exit(0),
  (err) => {
    const testCase = process.argv.find((a) => a.startsWith('--test_case='));
    const name = testCase ? testCase.slice('--test_case='.length) : '';
    if (err instanceof CaseFailure) {
      console.error(`FAIL ${name}: ${err.message}`);
    } else {
      console.error(`FAIL ${name}: ${err && err.stack ? err.stack : err}`);
    }
    process.exit(1);
  },
);
