/**
 * The body of an encode worker thread: runs encodeForPlatform for each request from the
 * pool and posts the file back, its bytes transferred, or the error as plain data.
 */
import { parentPort } from 'node:worker_threads';
import { type EncodeReply, type EncodeRequest, serializeError } from './encode.messages.ts';
import { encodeForPlatform } from './platform.encode.ts';

const port = parentPort;
if (!port) throw new Error('encode.worker.ts runs inside a worker thread (see encode.pool.ts)');

/** An ArrayBuffer that can be moved to the parent: the file's own memory, never a shared pool slab. */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (whole && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

port.on('message', async (req: EncodeRequest) => {
  let reply: EncodeReply;
  try {
    const file = await encodeForPlatform(req.master, req.platform, req.opts);
    const memory = ownBuffer(file.buffer);
    reply = { id: req.id, ok: true, file: { ...file, buffer: new Uint8Array(memory) } };
    try {
      port.postMessage(reply, [memory]);
    } catch {
      // Memory owned by a native addon cannot be detached; then it is copied like any message.
      port.postMessage(reply);
    }
    return;
  } catch (err) {
    reply = { id: req.id, ok: false, error: serializeError(err) };
  }
  port.postMessage(reply);
});
