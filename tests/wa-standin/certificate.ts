/**
 * A throw-away self-signed certificate for web.whatsapp.com, made at run time with the `openssl`
 * command (Node's crypto makes keys but not X.509 certificates; openssl is on every Linux and
 * macOS machine that runs these tests, so no extra package is needed). The browser is started
 * with --ignore-certificate-errors, so nothing has to trust it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Certificate {
  key: string;
  cert: string;
}

let made: Promise<Certificate> | null = null;

/** One certificate per process: every stand-in server in a test run can share it. */
export function selfSignedCertificate(): Promise<Certificate> {
  made ??= makeCertificate();
  return made;
}

async function makeCertificate(): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'wa-standin-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=web.whatsapp.com',
      '-addext',
      'subjectAltName=DNS:web.whatsapp.com,IP:127.0.0.1',
    ]);
    return { key: await readFile(keyPath, 'utf8'), cert: await readFile(certPath, 'utf8') };
  } catch (error) {
    made = null;
    throw new Error(`stand-in: could not make a certificate with openssl (${String(error)})`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
