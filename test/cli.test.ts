import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/index.ts';
import { PLATFORM_IDS } from '../src/domain/platforms.ts';
import { validateAnimatedFile, validateFile } from '../src/encode/index.ts';
import { characterOnFlatBackground } from './support/images.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popcon-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function popcon(...args: string[]) {
  const res = spawnSync(process.execPath, ['bin/popcon.mjs', ...args], {
    env: { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

const EIGHT = 'hello,love,cry,angry,laugh,sleepy,surprised,thanks';

describe('popcon CLI', () => {
  it('generates a LINE set from an image: APNGs in order, a 96×74 tab and a ZIP, with progress on stderr', async () => {
    const image = path.join(dir, 'cat.png');
    fs.writeFileSync(image, await characterOnFlatBackground(320));
    const out = path.join(dir, 'out');
    const res = popcon('generate', '--image', image, '--actions', EIGHT, '--out', out);
    expect(res.stderr).toMatch(/\] 8\/8/);
    expect(res.code).toBe(0);
    const files = fs.readdirSync(path.join(out, 'line-emoji')).sort();
    expect(files).toEqual([
      '001.png',
      '002.png',
      '003.png',
      '004.png',
      '005.png',
      '006.png',
      '007.png',
      '008.png',
      'tab.png',
    ]);
    for (const f of files.filter((f) => f !== 'tab.png')) {
      expect(validateAnimatedFile(fs.readFileSync(path.join(out, 'line-emoji', f)), 'line-emoji').ok).toBe(
        true,
      );
    }
    expect(fs.statSync(path.join(out, 'line-emoji.zip')).size).toBeGreaterThan(1000);
  });

  it('exits non-zero with a one-line error for an unknown action, and writes nothing', () => {
    const out = path.join(dir, 'bad');
    const res = popcon('generate', '--character', 'cat', '--actions', 'hello,moonwalk', '--out', out);
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^popcon: error: unknown action: moonwalk/),
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exits non-zero for a missing image file and for an unknown option', () => {
    const missing = popcon('generate', '--image', path.join(dir, 'nope.png'), '--actions', EIGHT);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read/);
    const unknown = popcon('generate', '--colour', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'/);
  });

  it('lists the action catalog, as text and as JSON', () => {
    const text = popcon('actions');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^hello\s/m);
    const json = JSON.parse(popcon('actions', '--json').stdout);
    expect(json.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining(['hello', 'love', 'cry', 'party']),
    );
  });

  it('generates for several platforms with captions: each platform’s names and still images', async () => {
    const out = path.join(dir, 'multi');
    const captions = 'Hi!|大好き||||||고마워';
    const res = popcon(
      ...['generate', '--character', 'bunny', '--actions', EIGHT, '--captions', captions],
      ...['--platforms', 'discord-emoji,whatsapp-sticker', '--out', out],
    );
    expect(res.code, res.stderr).toBe(0);
    const names = (ext: string) => Array.from({ length: 8 }, (_, i) => `00${i + 1}.${ext}`);
    expect(fs.readdirSync(path.join(out, 'discord-emoji')).sort()).toEqual(names('gif'));
    expect(fs.readdirSync(path.join(out, 'whatsapp-sticker')).sort()).toEqual([...names('webp'), 'tray.png']);
    for (const name of names('webp')) {
      const report = await validateFile(
        fs.readFileSync(path.join(out, 'whatsapp-sticker', name)),
        'whatsapp-sticker',
      );
      expect(report.ok, name).toBe(true);
    }
    expect(fs.existsSync(path.join(out, 'discord-emoji.zip'))).toBe(true);
    expect(fs.existsSync(path.join(out, 'whatsapp-sticker.zip'))).toBe(true);
  });

  it('refuses --captions that do not match the actions, with a one-line error', () => {
    const res = popcon(
      'generate',
      '--character',
      'cat',
      '--actions',
      EIGHT,
      '--captions',
      'a|b',
      '--out',
      path.join(dir, 'c'),
    );
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toMatch(/^popcon: error: --captions has 2 entries for 8 actions/);
  });

  it('lists every platform with its rules, as text and as JSON, and says when one is unavailable', () => {
    const text = popcon('platforms');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^line-emoji\s+APNG\s+180×180\s+≤300 KiB\s+LINE animated emoji$/m);
    expect(text.stdout).toMatch(/^kakao-emoticon\s+GIF\s+360×360/m);
    const json = JSON.parse(popcon('platforms', '--json').stdout);
    expect(json.map((p: { id: string }) => p.id)).toEqual([...PLATFORM_IDS]);
    const slack = json.find((p: { id: string }) => p.id === 'slack-emoji');
    expect(slack).toMatchObject({ format: 'gif', width: 128, height: 128, maxBytes: 128_000, maxFrames: 50 });
    const res = spawnSync(process.execPath, ['bin/popcon.mjs', 'platforms'], {
      env: { ...process.env, FFMPEG_PATH: '/nonexistent/ffmpeg' },
      encoding: 'utf8',
    });
    expect(res.stdout).toMatch(/^telegram-sticker .*\(unavailable: .*not installed/m);
  });

  it('lists the built-in characters', () => {
    const res = popcon('characters');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^cat\s/m);
  });

  it('migrates the database and says when it is up to date', () => {
    const fresh = path.join(dir, 'migrate-data');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/popcon.mjs', ...args], {
        env: { ...process.env, DATA_DIR: fresh },
        encoding: 'utf8',
      });
    expect(run('migrate').stdout).toMatch(/^applied 1 initial, 2 /);
    expect(run('migrate').stdout).toMatch(new RegExp(`up to date at schema version ${MIGRATIONS.length}`));
  });
});
