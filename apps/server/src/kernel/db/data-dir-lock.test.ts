import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';

describe('data directory lock', () => {
  const folders: string[] = [];
  const folder = async () => {
    const created = await mkdtemp(path.join(os.tmpdir(), 'cds-lock-'));
    folders.push(created);
    return created;
  };
  afterAll(async () => {
    for (const created of folders) await rm(created, { recursive: true, force: true });
  });

  it('refuses a second process while the first is alive, and frees the directory on release', async () => {
    const dataDir = await folder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await writeFile(path.join(dataDir, 'cong-doan-so.lock'), String(holder.pid));
    try {
      expect(() => lockDataDir(dataDir)).toThrow(/đang được tiến trình/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = await folder();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    await writeFile(path.join(dataDir, 'cong-doan-so.lock'), String(gone.pid));
    const release = lockDataDir(dataDir);
    expect(await readFile(path.join(dataDir, 'cong-doan-so.lock'), 'utf8')).toBe(String(process.pid));
    release();
    const again = lockDataDir(dataDir);
    again();
  });
});
