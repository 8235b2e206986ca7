import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { createLogger } from '../logging/logger.ts';
import { createServer } from '../server.ts';
import { hasOpenssl, selfSignedCert } from '../testing/cert.testing.ts';
import { readTlsFiles } from './tls.options.ts';

/** These servers' logs are not under test. */
const SILENT = createLogger({ level: 'silent', now: Date.now });

/** A wrong TLS setting is a sentence the center can act on, raised before the server opens anything. */
describe('TLS_CERT / TLS_KEY settings', () => {
  it('are both set or both absent', () => {
    expect(loadConfig({}, '/srv').tls).toBeNull();
    expect(loadConfig({ TLS_CERT: 'c.pem', TLS_KEY: 'k.pem' }, '/srv').tls).toEqual({
      certFile: '/srv/c.pem',
      keyFile: '/srv/k.pem',
    });
    for (const env of [{ TLS_CERT: 'c.pem' }, { TLS_KEY: 'k.pem' }]) {
      expect(() => loadConfig(env, '/srv')).toThrow(ConfigError);
      expect(() => loadConfig(env, '/srv')).toThrow(/Cần đặt cả TLS_CERT và TLS_KEY/);
    }
  });
});

const OPENSSL = hasOpenssl();
if (!OPENSSL)
  console.warn(
    'tls.options.test: bỏ qua phần chứng chỉ — máy này không có openssl / certificate cases skipped: no openssl',
  );

describe.skipIf(!OPENSSL)('reading the certificate and key', () => {
  let good: ReturnType<typeof selfSignedCert>;
  let other: ReturnType<typeof selfSignedCert>;
  let dir: string;
  beforeAll(() => {
    good = selfSignedCert();
    other = selfSignedCert();
    dir = mkdtempSync(join(tmpdir(), 'hcc-tls-bad-'));
  });
  afterAll(() => {
    for (const d of [good.dir, other.dir, dir]) rmSync(d, { recursive: true, force: true });
  });

  const fails = (certFile: string, keyFile: string) => {
    try {
      readTlsFiles({ certFile, keyFile });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };

  it('accepts a matching pair and says which names it covers', () => {
    const files = readTlsFiles({ certFile: good.certFile, keyFile: good.keyFile });
    expect(files.names).toContain('DNS:localhost');
    expect(files.validTo.getTime()).toBeGreaterThan(Date.now());
  });

  it('names the variable, the path and the reason for every wrong file', () => {
    const missing = join(dir, 'nope.pem');
    expect(fails(missing, good.keyFile)).toMatch(
      new RegExp(`^Không đọc được TLS_CERT \\(${missing}\\): không có tệp này`),
    );
    expect(fails(good.certFile, dir)).toMatch(/^Không đọc được TLS_KEY .*đây là thư mục/);
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a pem\n');
    expect(fails(junk, good.keyFile)).toMatch(/^TLS_CERT .* không phải chứng chỉ PEM hợp lệ/);
    expect(fails(good.certFile, junk)).toMatch(/^TLS_KEY .* không phải khoá riêng PEM hợp lệ/);
    // Swapped: the key file where the certificate belongs.
    expect(fails(good.keyFile, good.certFile)).toMatch(/^TLS_CERT .*đổi chỗ/);
    expect(fails(good.certFile, other.keyFile)).toMatch(/^TLS_KEY .* không khớp với chứng chỉ TLS_CERT/);
    const locked = join(dir, 'locked.pem');
    execFileSync('openssl', ['pkey', '-in', good.keyFile, '-out', locked, '-aes256', '-passout', 'pass:secret']);
    expect(fails(good.certFile, locked)).toMatch(/^TLS_KEY .* được bảo vệ bằng mật khẩu/);
  });

  it('the server refuses to start on them before it creates its database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hcc-tls-data-'));
    try {
      const config = loadConfig(
        { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, TLS_CERT: good.certFile, TLS_KEY: other.keyFile },
        process.cwd(),
      );
      await expect(createServer(config, { log: SILENT })).rejects.toThrow(ConfigError);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
