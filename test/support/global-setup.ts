import { ensureWebBuilt } from '../../src/api/server.ts';

/** Builds the web app once before any test file runs, so parallel browser tests never race on dist/web. */
export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
