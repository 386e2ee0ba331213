// A small process that starts ffmpeg for a larger one. Linux's fork copies the parent's
// page tables, so spawn() from a worker holding a set's frames (~700 MB resident) held its
// thread ~64 ms a start against ~3 ms from a process this size (bench/spawn.bench.ts).
// Plain JavaScript, started without loaders, so it stays small and starts fast.
//
// Requests arrive over the IPC channel (advanced serialization, so bytes stay bytes):
//   { id, bin, args, stdin: Uint8Array[], timeoutMs }
// and each gets one reply:
//   { id, code, signal, stdout: Uint8Array, stderr: string }   when the process ran
//   { id, error: { message, code } }                           when it could not start
// The launcher exits when its parent goes away, killing what it started.
import { spawn } from 'node:child_process';

const running = new Set();

process.on('message', (req) => {
  let child;
  try {
    child = spawn(req.bin, req.args, { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (err) {
    process.send({ id: req.id, error: { message: err.message, code: err.code } });
    return;
  }
  running.add(child);
  const out = [];
  const err = [];
  let replied = false;
  const timer = setTimeout(() => child.kill('SIGKILL'), req.timeoutMs);
  const reply = (message) => {
    if (replied) return;
    replied = true;
    clearTimeout(timer);
    running.delete(child);
    process.send(message);
  };
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  // A binary that is missing or not executable never starts: 'error' is all there is.
  child.on('error', (e) => reply({ id: req.id, error: { message: e.message, code: e.code } }));
  child.on('close', (code, signal) => {
    reply({
      id: req.id,
      code,
      signal,
      stdout: new Uint8Array(Buffer.concat(out)),
      stderr: Buffer.concat(err).toString(),
    });
  });
  // A process that exits early closes stdin; the resulting EPIPE is reported through 'close'.
  child.stdin.on('error', () => {});
  for (const chunk of req.stdin) child.stdin.write(chunk);
  child.stdin.end();
});

process.on('disconnect', () => {
  for (const child of running) child.kill('SIGKILL');
  process.exit(0);
});
