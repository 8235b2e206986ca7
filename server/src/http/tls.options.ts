import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { ConfigError, type ServerConfig } from '../config.ts';

export interface TlsFiles {
  key: Buffer;
  cert: Buffer;
  /** Names the certificate is valid for (subjectAltName), for the start-up message. */
  names: string;
  /** When the certificate expires. */
  validTo: Date;
}

const REASONS: Record<string, string> = {
  ENOENT: 'không có tệp này',
  EACCES: 'không có quyền đọc (kiểm tra chủ sở hữu và quyền của tệp)',
  EPERM: 'không có quyền đọc',
  EISDIR: 'đây là thư mục, không phải tệp',
  ELOOP: 'liên kết vòng',
};

function readPem(variable: 'TLS_CERT' | 'TLS_KEY', file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new ConfigError(
      `Không đọc được ${variable} (${file}): ${REASONS[code] ?? (code || String(e))}. / Cannot read ${variable}: ${code}`,
    );
  }
}

/**
 * Reads and checks the PEM files of TLS_CERT and TLS_KEY before anything else starts, so a wrong path, a
 * swapped pair or a key that belongs to another certificate stops the start-up with a sentence the center
 * can act on — not a TLS stack trace at the first connection.
 */
export function readTlsFiles(tls: NonNullable<ServerConfig['tls']>): TlsFiles {
  const cert = readPem('TLS_CERT', tls.certFile);
  const key = readPem('TLS_KEY', tls.keyFile);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new ConfigError(
      `TLS_CERT (${tls.certFile}) không phải chứng chỉ PEM hợp lệ (cần dòng "-----BEGIN CERTIFICATE-----"; TLS_CERT và TLS_KEY có bị đổi chỗ không?). / TLS_CERT is not a PEM certificate.`,
    );
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch (e) {
    const encrypted = /passphrase|encrypted/i.test(String((e as Error).message)) || key.includes('ENCRYPTED');
    throw new ConfigError(
      encrypted
        ? `TLS_KEY (${tls.keyFile}) được bảo vệ bằng mật khẩu; máy chủ cần khoá không mật khẩu (openssl pkey -in khoa.pem -out khoa-mo.pem), chỉ tài khoản chạy dịch vụ được đọc. / TLS_KEY is encrypted.`
        : `TLS_KEY (${tls.keyFile}) không phải khoá riêng PEM hợp lệ (cần dòng "-----BEGIN PRIVATE KEY-----"). / TLS_KEY is not a PEM private key.`,
    );
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new ConfigError(
      `TLS_KEY (${tls.keyFile}) không khớp với chứng chỉ TLS_CERT (${tls.certFile}): hãy dùng đúng cặp tệp. / TLS_KEY does not match TLS_CERT.`,
    );
  }
  try {
    createSecureContext({ key, cert });
  } catch (e) {
    throw new ConfigError(
      `Không dùng được cặp chứng chỉ TLS_CERT/TLS_KEY: ${(e as Error).message}. / Unusable TLS certificate.`,
    );
  }
  return { key, cert, names: x509.subjectAltName ?? x509.subject, validTo: new Date(x509.validTo) };
}
