import { authorizedFetch } from './api.ts';
import { createSseParser, type SseMessage } from './lib/sse-parser.ts';

export interface EventStreamOptions {
  /** Resume after this event (sent as Last-Event-ID). */
  lastEventId: string | null;
  signal: AbortSignal;
  /** Called once the server accepted the stream, before any event. */
  onOpen?: () => void;
  onMessage: (message: SseMessage) => void;
}

/**
 * Reads one connection of a job's server-sent events with fetch (so the ID token
 * travels in a header, which EventSource cannot send). Resolves when the server
 * ends the stream; rejects when it cannot connect or the connection drops.
 */
export async function readEventStream(url: string, options: EventStreamOptions): Promise<void> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const res = await authorizedFetch(url, { headers, signal: options.signal });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  options.onOpen?.();
  const feed = createSseParser(options.onMessage);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    feed(value);
  }
}
