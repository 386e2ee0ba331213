// A pipeline worker in its own OS process, for tests that kill it mid-job.
import pino from 'pino';
import { loadConfig } from '../../src/config/config.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';

const runtime = createRuntime(loadConfig(), { logger: pino({ level: 'silent' }) });
runtime.worker.start();
process.stdout.write(`ready ${process.pid}\n`);
