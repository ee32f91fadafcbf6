'use strict';

// A raw HTTP/2 gRPC call with Node's own http2 module. grpc-js hides the per-message compressed
// flag from applications; the interop descriptions ask clients that can see it to assert it, so the
// driver repeats the compression cases on the wire with this helper.

const http2 = require('http2');
const zlib = require('zlib');

function frame(bytes) {
  const out = Buffer.alloc(5 + bytes.length);
  out.writeUInt8(0, 0);
  out.writeUInt32BE(bytes.length, 1);
  bytes.copy(out, 5);
  return out;
}

// Splits a response body into gRPC messages: [{ compressed, payload }], payload decompressed.
function unframe(body, encoding) {
  const messages = [];
  let offset = 0;
  while (offset < body.length) {
    if (body.length - offset < 5) {
      throw new Error(`Truncated message header: ${body.length - offset} trailing bytes.`);
    }
    const flag = body.readUInt8(offset);
    const length = body.readUInt32BE(offset + 1);
    const start = offset + 5;
    if (start + length > body.length) {
      throw new Error(`Truncated message: header says ${length} bytes, ${body.length - start} present.`);
    }
    const raw = body.subarray(start, start + length);
    let payload = raw;
    if (flag === 1) {
      if (encoding !== 'gzip') {
        throw new Error(`Message flagged compressed but grpc-encoding is '${encoding}'.`);
      }
      payload = zlib.gunzipSync(raw);
    } else if (flag !== 0) {
      throw new Error(`Invalid compressed flag ${flag}.`);
    }
    messages.push({ compressed: flag === 1, payload });
    offset = start + length;
  }
  return messages;
}

// Sends one request message to `path` and resolves with the response headers, trailers and messages.
function rawCall(host, port, path, requestBytes, { timeoutMs = 20000 } = {}) {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`http://${host}:${port}`);
    const timer = setTimeout(() => {
      session.destroy();
      reject(new Error(`Raw HTTP/2 call to ${path} did not finish within ${timeoutMs} ms.`));
    }, timeoutMs);
    session.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    const req = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-accept-encoding': 'identity,gzip',
    });
    let headers = {};
    let trailers = {};
    const chunks = [];
    req.on('response', (h) => { headers = h; });
    req.on('trailers', (t) => { trailers = t; });
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('error', (err) => {
      clearTimeout(timer);
      session.destroy();
      reject(err);
    });
    req.on('end', () => {
      clearTimeout(timer);
      session.close();
      try {
        const encoding = headers['grpc-encoding'] || 'identity';
        resolve({ headers, trailers, messages: unframe(Buffer.concat(chunks), encoding) });
      } catch (err) {
        reject(err);
      }
    });
    req.end(frame(requestBytes));
  });
}

module.exports = { rawCall };
