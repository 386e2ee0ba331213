import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../runtime/runtime.ts';
import { assertSafeKey } from './asset-storage.ts';
import { LocalDiskStorage } from './local-disk.storage.ts';

describe('newId', () => {
  it('never starts with - or _, so an id after a CLI option is not read as an option', () => {
    for (let i = 0; i < 2000; i++) expect(newId()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{21}$/);
  });
});

describe('assertSafeKey', () => {
  it('accepts keys made from any generated id, including ones starting with - or _', () => {
    for (const id of ['_1mvUlp45EaxBob-3Akacw', '-abc', ...Array.from({ length: 200 }, newId)]) {
      expect(() => assertSafeKey(`jobs/${id}/cutout.png`)).not.toThrow();
    }
  });

  it.each(['../etc/passwd', 'jobs/../../x', '/abs/path', 'jobs//x', 'jobs/./x', 'a\\b', 'jobs/x y', ''])(
    'refuses %j',
    (key) => {
      expect(() => assertSafeKey(key)).toThrow(/unsafe storage key/);
    },
  );
});

describe('LocalDiskStorage', () => {
  it('deletes one file, leaves its neighbours, and ignores a file that is already gone', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-storage-'));
    try {
      const storage = new LocalDiskStorage(root);
      await storage.put('jobs/a/one.png', Buffer.from('1'));
      await storage.put('jobs/a/two.png', Buffer.from('2'));
      await storage.delete('jobs/a/one.png');
      await storage.delete('jobs/a/one.png');
      expect(await storage.exists('jobs/a/one.png')).toBe(false);
      expect((await storage.get('jobs/a/two.png')).toString()).toBe('2');
      await expect(storage.delete('../outside')).rejects.toThrow(/unsafe storage key/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
