// Runs one binary with bytes in and bytes out. Shared by ffmpeg.ts (when its launcher cannot
// start) and ffmpeg.launcher.mjs, which must stay plain JavaScript: it runs without loaders.
import { spawn } from 'node:child_process';

/**
 * Runs `bin args…`, writing the `stdin` chunks in turn, and resolves once it has exited
 * with its code or signal, stdout and stderr; rejects when it cannot start. It is killed
 * after `timeoutMs`. While it runs, the child is in `running` when one is given.
 */
export function runProcess(bin, args, stdin, timeoutMs, running) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    running?.add(child);
    const out = [];
    const err = [];
    let settled = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const settle = (finish) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running?.delete(child);
      finish();
    };
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    // A binary that is missing or not executable never starts: 'error' is all there is.
    child.on('error', (e) => settle(() => reject(e)));
    child.on('close', (code, signal) =>
      settle(() =>
        resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString() }),
      ),
    );
    // A process that exits early closes stdin; the resulting EPIPE is reported through 'close'.
    child.stdin.on('error', () => {});
    for (const chunk of stdin) child.stdin.write(chunk);
    child.stdin.end();
  });
}
