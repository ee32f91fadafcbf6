'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

// The repository's protos/ folder: the contracts live there only (never copied here).
const PROTOS_ROOT = process.env.INTEROP_PROTOS_ROOT || path.resolve(__dirname, '..', '..', '..', 'protos');

const LOADER_OPTIONS = {
  includeDirs: [PROTOS_ROOT],
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

// Loads grpc.testing (TestService, UnimplementedService and their messages) from protos/grpc/testing.
function loadTesting() {
  const definition = protoLoader.loadSync(['grpc/testing/test.proto'], LOADER_OPTIONS);
  const testing = grpc.loadPackageDefinition(definition).grpc.testing;
  return {
    definition,
    TestService: testing.TestService,
    UnimplementedService: testing.UnimplementedService,
  };
}

module.exports = { PROTOS_ROOT, loadTesting };
