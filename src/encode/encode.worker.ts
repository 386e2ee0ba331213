/**
 * The body of an encode worker thread: runs encodeForPlatform (or a render of the
 * built-in engine) for each request from the pool and posts the result back, a file's
 * bytes transferred and a render's frames in shared memory, or the error as plain data.
 */
import { parentPort } from 'node:worker_threads';
import { drawRenderCall } from '../engine/render-call.ts';
import { type EncodeReply, type PoolRequest, serializeError } from './encode.messages.ts';
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

port.on('message', async (req: PoolRequest) => {
  let reply: EncodeReply;
  try {
    if (req.type === 'render') {
      // Drawn straight into one block of shared memory: the pipeline keeps the frames there
      // for the encodes that follow (MasterCache), which then read them without a copy.
      const frames = drawRenderCall({ ...req.call, opts: { ...req.call.opts, shared: true } });
      port.postMessage({ id: req.id, ok: true, frames } satisfies EncodeReply);
      return;
    }
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
