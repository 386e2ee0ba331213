// node --import tsx bench/spawn.bench.ts
// What starting ffmpeg costs the thread that starts it, from a small process and from one
// as large as a worker in the middle of a 24 × 7 set (~700 MB resident): Linux copies the
// parent's page tables on fork, so spawn() blocks longer the larger the process is.
import { spawn } from 'node:child_process';

const RUNS = 8;

function once(): Promise<{ blocked: number; total: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' });
    const blocked = performance.now() - t;
    child.on('error', reject);
    child.on('exit', () => resolve({ blocked, total: performance.now() - t }));
  });
}

async function measure(label: string) {
  let blocked = 0;
  let total = 0;
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    blocked += r.blocked / RUNS;
    total += r.total / RUNS;
  }
  const rss = process.memoryUsage().rss / 1e6;
  console.log(`| ${label} | ${rss.toFixed(0)} MB | ${blocked.toFixed(1)} ms | ${total.toFixed(1)} ms |`);
  return blocked;
}

console.log('| process | resident | spawn() holds the thread | until ffmpeg -version exits |');
console.log('|---|---|---|---|');
const small = await measure('small');
// 40 × 16 MB touched, as 16 MB masters in flight would be.
const ballast = Array.from({ length: 40 }, () => new Uint8Array(16 << 20).fill(1));
const large = await measure('large');
console.log(
  `ratio large ÷ small, time spawn() holds the thread: ${(large / small).toFixed(1)}× (${ballast.length} blocks kept)`,
);
