/**
 * The control API from another process: each method POSTs to /standin/control/<method> on a
 * stand-in started elsewhere (for example by `tsx tests/wa-standin/cli.ts`) and resolves with its
 * result. Same names and arguments as StandInControl, every result a promise.
 */
import { request } from 'node:https';
import type { StandInControl } from './control-types';

export type RemoteStandInControl = {
  [K in keyof StandInControl]: (
    ...args: Parameters<StandInControl[K]>
  ) => Promise<Awaited<ReturnType<StandInControl[K]>>>;
};

function post(baseUrl: string, method: string, args: unknown[]): Promise<unknown> {
  const url = new URL(`standin/control/${method}`, baseUrl);
  const body = JSON.stringify({ args });
  return new Promise((resolve, reject) => {
    // The stand-in's certificate is self-signed and made at run time: nothing to verify against.
    const req = request(
      url,
      { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const reply = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result?: unknown; error?: string };
          if (res.statusCode === 200) resolve(reply.result ?? undefined);
          else reject(new Error(`stand-in control ${method}: ${reply.error ?? res.statusCode}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `baseUrl` is the stand-in's `url` (https://127.0.0.1:PORT/). */
export function httpControl(baseUrl: string): RemoteStandInControl {
  return new Proxy({} as RemoteStandInControl, {
    get: (_target, method) =>
      typeof method === 'string' ? (...args: unknown[]) => post(baseUrl, method, args) : undefined,
  });
}
