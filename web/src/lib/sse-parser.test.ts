import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser.ts';

function parseAll(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const feed = createSseParser((m) => out.push(m));
  for (const c of chunks) feed(c);
  return out;
}

describe('createSseParser', () => {
  it('parses id, event and data, and ignores comments and retry lines', () => {
    const text = 'retry: 2000\n\n: keepalive\n\nid: 7\nevent: emoji.completed\ndata: {"index":0}\n\n';
    expect(parseAll([text])).toEqual([{ id: '7', event: 'emoji.completed', data: '{"index":0}' }]);
  });

  it('joins events split across chunks, even mid-line', () => {
    const msgs = parseAll([
      'id: 1\nev',
      'ent: job.created\nda',
      'ta: {}\n',
      '\nid: 2\nevent: job.completed\ndata: {}\n\n',
    ]);
    expect(msgs.map((m) => [m.id, m.event])).toEqual([
      ['1', 'job.created'],
      ['2', 'job.completed'],
    ]);
  });

  it('keeps the last id for events without one and joins multi-line data', () => {
    const msgs = parseAll(['id: 5\ndata: a\n\ndata: b\ndata: c\n\n']);
    expect(msgs).toEqual([
      { id: '5', event: 'message', data: 'a' },
      { id: '5', event: 'message', data: 'b\nc' },
    ]);
  });

  it('accepts CRLF line endings', () => {
    expect(parseAll(['id: 3\r\nevent: x\r\ndata: y\r\n\r\n'])).toEqual([{ id: '3', event: 'x', data: 'y' }]);
  });
});
