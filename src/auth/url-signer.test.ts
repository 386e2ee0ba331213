import { describe, expect, it } from 'vitest';
import { UrlSigner } from './url-signer.ts';

const params = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('UrlSigner', () => {
  it('verifies its own URLs and returns the user they were issued to', () => {
    const signer = new UrlSigner('s'.repeat(32), () => 1_000_000);
    const url = signer.sign('/api/jobs/j1/download?platform=line-emoji', 'alice');
    expect(url).toMatch(/^\/api\/jobs\/j1\/download\?platform=line-emoji&uid=alice&exp=\d+&sig=/);
    expect(signer.verify('/api/jobs/j1/download', params(url))).toBe('alice');
  });

  it('rejects another path, another user, another secret and a missing part', () => {
    const signer = new UrlSigner('s'.repeat(32));
    const q = params(signer.sign('/api/assets/a1', 'alice'));
    expect(() => signer.verify('/api/assets/a2', q)).toThrow(/not valid/);
    expect(() => signer.verify('/api/assets/a1', { ...q, uid: 'bob' })).toThrow(/not valid/);
    expect(() => new UrlSigner('t'.repeat(32)).verify('/api/assets/a1', q)).toThrow(/not valid/);
    expect(() => signer.verify('/api/assets/a1', { uid: q.uid, exp: q.exp })).toThrow(/incomplete/);
  });

  it('keeps a URL stable for a while and lets it expire after at least an hour', () => {
    let now = Date.parse('2026-01-01T10:01:00Z');
    const signer = new UrlSigner('s'.repeat(32), () => now);
    const first = signer.sign('/api/assets/a1', 'alice');
    now += 60_000;
    expect(signer.sign('/api/assets/a1', 'alice')).toBe(first);
    now += 59 * 60_000;
    expect(signer.verify('/api/assets/a1', params(first))).toBe('alice');
    now += 60 * 60_000;
    expect(() => signer.verify('/api/assets/a1', params(first))).toThrow(/expired/);
  });
});
