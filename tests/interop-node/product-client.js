'use strict';

// A partner system's @grpc/grpc-js client calling the product's real services through the gateway. Prints one
// JSON object with what it observed (tests/Interop.Tests asserts on it):
//
//   node product-client.js --address=127.0.0.1:PORT --token=TOKEN
//
// health: grpc.health.v1.Health/Check(""); reflection: grpc.reflection.v1 list_services, then
// file_containing_symbol for each listed service (decoded with protobufjs' descriptor types): the methods each
// declares; unary: ReviewsService/ListParties with the token; stream: ReviewsService/WatchNotifications (server
// streaming) with the token: the first notice, then a cancel; refused: ListParties without a token; oversize: GetParty whose
// iso3 holds 100 kB of text. The product's contracts are loaded from the repository's protos/.

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const descriptor = require('protobufjs/ext/descriptor');
const { parseArgs } = require('./lib/args');
const { PROTOS_ROOT } = require('./lib/protos');

const TIMEOUT_MS = 60_000;
const args = parseArgs(process.argv.slice(2), { address: '', token: '' });
if (!args.address || !args.token) throw new Error('--address and --token are required');

const definition = protoLoader.loadSync(
  ['grpc/health/v1/health.proto', 'grpc/reflection/v1/reflection.proto', 'reviewmechanism/reviews/v1/reviews.proto'],
  { includeDirs: [PROTOS_ROOT], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
const loaded = grpc.loadPackageDefinition(definition);
const channelOptions = { 'grpc.enable_http_proxy': 0 };
const credentials = grpc.credentials.createInsecure();
const health = new loaded.grpc.health.v1.Health(args.address, credentials, channelOptions);
const reflection = new loaded.grpc.reflection.v1.ServerReflection(args.address, credentials, channelOptions);
const reviews = new loaded.reviewmechanism.reviews.v1.ReviewsService(args.address, credentials, channelOptions);

const codeName = (code) => Object.keys(grpc.status).find((k) => grpc.status[k] === code) || String(code);
const outcome = (error) => ({ code: codeName(error.code), details: error.details || '' });
const deadline = (ms) => new Date(Date.now() + ms);

function bearer() {
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${args.token}`);
  return metadata;
}

function unary(client, method, request, metadata) {
  return new Promise((resolve) => {
    client[method](request, metadata || new grpc.Metadata(), { deadline: deadline(TIMEOUT_MS) },
      (error, reply) => resolve(error ? { error } : { reply }));
  });
}

// One request on the reflection stream, one answer.
function reflect(request) {
  return new Promise((resolve, reject) => {
    const call = reflection.ServerReflectionInfo({ deadline: deadline(TIMEOUT_MS) });
    call.on('data', (reply) => { resolve(reply); call.end(); });
    call.on('error', reject);
    call.write(request);
  });
}

async function checkHealth() {
  const { error, reply } = await unary(health, 'Check', { service: '' });
  return error ? outcome(error) : { code: 'OK', status: reply.status };
}

async function checkReflection() {
  try {
    const listed = (await reflect({ list_services: '' })).list_services_response.service.map((s) => s.name);
    const methods = {};
    for (const name of listed) {
      const reply = await reflect({ file_containing_symbol: name });
      if (reply.error_response) {
        methods[name] = { error: reply.error_response.error_message };
        continue;
      }
      const dot = name.lastIndexOf('.');
      for (const bytes of reply.file_descriptor_response.file_descriptor_proto) {
        const file = descriptor.FileDescriptorProto.decode(bytes);
        for (const service of file.service || []) {
          if ((file.package || '') === name.slice(0, dot) && service.name === name.slice(dot + 1)) {
            methods[name] = (service.method || []).map((m) => m.name);
          }
        }
      }
    }
    return { code: 'OK', services: listed, methods };
  } catch (error) {
    return outcome(error);
  }
}

async function checkUnary() {
  const { error, reply } = await unary(reviews, 'ListParties', {}, bearer());
  return error ? outcome(error) : { code: 'OK', count: reply.parties.length, first: reply.parties.length ? reply.parties[0].iso3 : '' };
}

// Opens the feed, takes the first notice, then cancels (a watch never ends by itself).
function checkStream() {
  return new Promise((resolve) => {
    let messages = 0;
    const call = reviews.WatchNotifications({ include_unread: true }, bearer(), { deadline: deadline(TIMEOUT_MS) });
    call.on('data', () => { messages += 1; call.cancel(); });
    call.on('error', () => {});
    call.on('status', (status) => resolve({ code: codeName(status.code), details: status.details || '', messages }));
  });
}

async function checkRefused() {
  const { error } = await unary(reviews, 'ListParties', {});
  return error ? outcome(error) : { code: 'OK', details: '' };
}

async function checkOversize() {
  const { error } = await unary(reviews, 'GetParty', { iso3: 'A'.repeat(100_000) }, bearer());
  return error ? outcome(error) : { code: 'OK', details: '' };
}

(async () => {
  const observed = {
    client: `@grpc/grpc-js ${require('@grpc/grpc-js/package.json').version}`,
    health: await checkHealth(),
    reflection: await checkReflection(),
    unary: await checkUnary(),
    stream: await checkStream(),
    refused: await checkRefused(),
    oversize: await checkOversize(),
  };
  process.stdout.write(`${JSON.stringify(observed)}\n`);
  for (const client of [health, reflection, reviews]) client.close();
})().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
