#!/usr/bin/env node
'use strict';

// grpc.testing.TestService on @grpc/grpc-js, following the server features of the gRPC interop test
// descriptions (doc/interop-test-descriptions.md in grpc/grpc). Also serves grpc.health.v1.Health
// (grpc-health-check) and server reflection v1/v1alpha (@grpc/reflection), the official grpc-js
// packages. It is the reference server the drivers are proven against, the server this project's
// C# client is tested against, and the grpc-js entry of bench/grpc-unary.
//
//   node server.js [--host=127.0.0.1] [--port=0]
//
// Prints "LISTENING <port>" once bound; stops on SIGTERM or SIGINT.
//
// Known limit of grpc-js: its server never compresses responses (it writes the compressed flag 0
// whatever the client accepts), so response_compressed / ResponseParameters.compressed are honoured
// only as far as grpc-js can: the messages are sent uncompressed.

const grpc = require('@grpc/grpc-js');
const { HealthImplementation } = require('grpc-health-check');
const { ReflectionService } = require('@grpc/reflection');
const { parseArgs } = require('./lib/args');
const { loadTesting } = require('./lib/protos');

const Status = grpc.status;
const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';

// grpc-js strips grpc-encoding from the metadata handlers see. This interceptor reads the request's
// encoding from the innermost call and hands it to the handlers under a private metadata key, so
// that expect_compressed can be checked (an uncompressed request is sent with identity).
const REQUEST_ENCODING_KEY = 'x-interop-request-encoding';

function incomingEncoding(call) {
  for (let c = call; c; c = c.nextCall) {
    if (typeof c.incomingEncoding === 'string') {
      return c.incomingEncoding;
    }
  }
  throw new Error('This grpc-js version does not keep the request encoding where the interop server looks for it.');
}

function exposeRequestEncoding(_method, call) {
  const encoding = incomingEncoding(call);
  return new grpc.ServerInterceptingCall(call, {
    start(next) {
      next({
        onReceiveMetadata(metadata, nextMetadata) {
          metadata.set(REQUEST_ENCODING_KEY, encoding);
          nextMetadata(metadata);
        },
      });
    },
  });
}

function requestCompressed(call) {
  const encoding = call.metadata.get(REQUEST_ENCODING_KEY)[0];
  return encoding !== undefined && encoding !== 'identity';
}

// CompressedRequest: expect_compressed=true on an uncompressed request fails with INVALID_ARGUMENT.
function compressionMismatch(call, expectCompressed, trailer) {
  if (expectCompressed && expectCompressed.value && !requestCompressed(call)) {
    return { code: Status.INVALID_ARGUMENT, details: 'Expected a compressed request message (expect_compressed is true).', metadata: trailer };
  }
  return null;
}

// Echo Metadata: x-grpc-test-echo-initial back in the response headers.
function echoInitial(call) {
  const values = call.metadata.get(ECHO_INITIAL_KEY);
  if (values.length > 0) {
    const headers = new grpc.Metadata();
    values.forEach((v) => headers.add(ECHO_INITIAL_KEY, v));
    call.sendMetadata(headers);
  }
}

// Echo Metadata: x-grpc-test-echo-trailing-bin back in the trailers.
function echoTrailer(call) {
  const trailer = new grpc.Metadata();
  call.metadata.get(ECHO_TRAILING_KEY).forEach((v) => trailer.add(ECHO_TRAILING_KEY, v));
  return trailer;
}

// Echo Status: a non-OK response_status ends the call with that code and message.
function echoedStatus(request, trailer) {
  const status = request.response_status;
  if (status && status.code !== 0) {
    return { code: status.code, details: status.message, metadata: trailer };
  }
  return null;
}

function payload(size) {
  return { type: 'COMPRESSABLE', body: Buffer.alloc(size) };
}

function sleepMicros(us) {
  return us > 0 ? new Promise((resolve) => setTimeout(resolve, us / 1000)) : Promise.resolve();
}

function bodyLength(request) {
  return request.payload && request.payload.body ? request.payload.body.length : 0;
}

// Runs the requests of a stream one after another (interval_us sleeps must keep their order).
function sequential(call, handle, onEnd) {
  let chain = Promise.resolve();
  let stopped = false;
  const stop = (error) => {
    stopped = true;
    if (error) {
      call.emit('error', error);
    }
  };
  call.on('data', (request) => {
    chain = chain.then(() => (stopped || call.cancelled ? undefined : handle(request, stop)));
  });
  call.on('end', () => {
    chain = chain.then(() => (stopped || call.cancelled ? undefined : onEnd()));
  });
  call.on('error', () => { stopped = true; });
  chain.catch(() => {});
}

const testService = {
  EmptyCall(call, callback) {
    echoInitial(call);
    callback(null, {}, echoTrailer(call));
  },

  UnaryCall(call, callback) {
    echoInitial(call);
    const trailer = echoTrailer(call);
    const request = call.request;
    const failure = compressionMismatch(call, request.expect_compressed, trailer) || echoedStatus(request, trailer);
    if (failure) {
      callback(failure);
      return;
    }
    callback(null, { payload: payload(request.response_size) }, trailer);
  },

  CacheableUnaryCall(call, callback) {
    echoInitial(call);
    callback(null, { payload: { type: 'COMPRESSABLE', body: Buffer.from(String(process.hrtime.bigint())) } }, echoTrailer(call));
  },

  StreamingOutputCall(call) {
    echoInitial(call);
    const trailer = echoTrailer(call);
    const failure = echoedStatus(call.request, trailer);
    if (failure) {
      call.emit('error', failure);
      return;
    }
    (async () => {
      for (const p of call.request.response_parameters) {
        await sleepMicros(p.interval_us);
        if (call.cancelled) return;
        call.write({ payload: payload(p.size) });
      }
      call.end(trailer);
    })();
  },

  StreamingInputCall(call, callback) {
    echoInitial(call);
    const trailer = echoTrailer(call);
    let total = 0;
    let failed = false;
    call.on('data', (request) => {
      if (failed) return;
      const failure = compressionMismatch(call, request.expect_compressed, trailer);
      if (failure) {
        failed = true;
        callback(failure);
        return;
      }
      total += bodyLength(request);
    });
    call.on('end', () => {
      if (!failed) callback(null, { aggregated_payload_size: total }, trailer);
    });
  },

  FullDuplexCall(call) {
    echoInitial(call);
    const trailer = echoTrailer(call);
    sequential(call, async (request, stop) => {
      const failure = echoedStatus(request, trailer);
      if (failure) {
        stop(failure);
        return;
      }
      for (const p of request.response_parameters) {
        await sleepMicros(p.interval_us);
        if (call.cancelled) return;
        call.write({ payload: payload(p.size) });
      }
    }, () => call.end(trailer));
  },

  HalfDuplexCall(call) {
    echoInitial(call);
    const trailer = echoTrailer(call);
    const received = [];
    sequential(call, (request, stop) => {
      const failure = echoedStatus(request, trailer);
      if (failure) stop(failure);
      else received.push(request);
    }, async () => {
      for (const request of received) {
        for (const p of request.response_parameters) {
          await sleepMicros(p.interval_us);
          if (call.cancelled) return;
          call.write({ payload: payload(p.size) });
        }
      }
      call.end(trailer);
    });
  },
  // UnimplementedCall is left out on purpose: grpc-js answers UNIMPLEMENTED for it.
};

function main() {
  const args = parseArgs(process.argv.slice(2), { host: '127.0.0.1', port: '0' });
  const { definition, TestService } = loadTesting();
  const server = new grpc.Server({ interceptors: [exposeRequestEncoding] });
  server.addService(TestService.service, testService);
  new HealthImplementation({ '': 'SERVING', 'grpc.testing.TestService': 'SERVING' }).addToServer(server);
  new ReflectionService(definition).addToServer(server);
  server.bindAsync(`${args.host}:${args.port}`, grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      console.error(`Cannot listen on ${args.host}:${args.port}: ${err.message}`);
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
}

main();
