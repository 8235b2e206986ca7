import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CITIZEN_SECRET_FILE, createCitizenKeyer, loadCitizenSecret } from './citizen.secret.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'hcc-secret-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the citizen hash secret (DATA_DIR/citizen.secret)', () => {
  it('is made once with mode 0600, 256 random bits, and read back the same on the next start', () => {
    const dir = tmp();
    const first = loadCitizenSecret(dir);
    const file = join(dir, CITIZEN_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(loadCitizenSecret(dir).equals(first)).toBe(true);
    expect(loadCitizenSecret(tmp()).equals(first)).toBe(false); // another installation, another key
  });

  it('tightens a secret left readable by others, and refuses a file that is not a secret', () => {
    const dir = tmp();
    loadCitizenSecret(dir);
    const file = join(dir, CITIZEN_SECRET_FILE);
    chmodSync(file, 0o644);
    loadCitizenSecret(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'not hex\n');
    expect(() => loadCitizenSecret(dir)).toThrow(/not a citizen secret/);
  });

  it('hashes IDs and PINs in separate domains, keyed: the same number under two keys differs', () => {
    const a = createCitizenKeyer(Buffer.alloc(32, 1));
    const b = createCitizenKeyer(Buffer.alloc(32, 2));
    expect(a.hashId('001085012345')).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hashId('001085012345')).toBe(a.hashId('001085012345'));
    expect(a.hashId('001085012345')).not.toBe(b.hashId('001085012345'));
    expect(a.hashPin('1234')).not.toBe(a.hashId('1234'));
  });
});
