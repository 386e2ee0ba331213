import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const SCRIPT = path.resolve(import.meta.dirname, 'events-writer.ts');

export interface WriterResult {
  writer: number;
  written: number;
  errors: string[];
  ms: number;
}

/**
 * Starts `writers` events-writer processes on `file`, waits until every one is
 * ready, releases them together, and resolves with each one's report and the
 * wall time from the release to the last report.
 */
export async function runWriters(
  file: string,
  writers: number,
  eventsEach: number,
  env: Record<string, string> = {},
): Promise<{ results: WriterResult[]; wallMs: number }> {
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const done: Promise<WriterResult>[] = [];
  for (let i = 0; i < writers; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, file, String(i), String(eventsEach)], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, ...env },
    });
    children.push(child);
    const lines = createInterface({ input: child.stdout! });
    const iterator = lines[Symbol.asyncIterator]();
    const next = async () => {
      const { value, done: ended } = await iterator.next();
      if (ended) throw new Error(`writer ${i} exited early (code ${child.exitCode})`);
      return value as string;
    };
    const readyLine = next();
    ready.push(readyLine.then((line) => void expectLine(line, 'ready', i)));
    done.push(readyLine.then(async () => JSON.parse(await next()) as WriterResult));
  }
  try {
    await Promise.all(ready);
    const started = performance.now();
    for (const child of children) child.stdin!.write('go\n');
    const results = await Promise.all(done);
    return { results, wallMs: performance.now() - started };
  } finally {
    for (const child of children) if (child.exitCode === null) child.stdin!.end();
  }
}

function expectLine(line: string, expected: string, writer: number): void {
  if (line !== expected) throw new Error(`writer ${writer} said ${line}, expected ${expected}`);
}
