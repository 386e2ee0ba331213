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
import { runProcess } from './run-process.mjs';

const running = new Set();

process.on('message', (req) => {
  runProcess(req.bin, req.args, req.stdin, req.timeoutMs, running).then(
    (done) => process.send({ id: req.id, ...done, stdout: new Uint8Array(done.stdout) }),
    (err) => process.send({ id: req.id, error: { message: err.message, code: err.code } }),
  );
});

process.on('disconnect', () => {
  for (const child of running) child.kill('SIGKILL');
  process.exit(0);
});
