import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';

type Credentials = { access_key_id: string; secret_access_key: string };

/**
 * A real S3-compatible server (s3rver, from the npm registry) on 127.0.0.1, in a child process,
 * storing into a temporary directory and checking SigV4 signatures against the key pairs it issued.
 */
export interface LocalS3 {
  endpoint: string;
  /** Registers a fresh key pair (the "temporary credentials" an API hands out). */
  issueCredentials(): Promise<Credentials>;
  revokeCredentials(accessKeyId: string): Promise<void>;
  /** A client with the server's own admin key pair. */
  admin: S3Client;
  stop(): Promise<void>;
}

export async function startLocalS3(
  buckets: readonly string[],
  options: { tls?: { key: string; cert: string } } = {},
): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'avatar-s3-'));
  const child: ChildProcess = fork(join(import.meta.dirname, 's3-process.cjs'), [directory, ...buckets], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: options.tls
      ? { ...process.env, S3_TLS_KEY: options.tls.key, S3_TLS_CERT: options.tls.cert }
      : process.env,
  });
  const [{ port }] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`s3rver exited with ${code}`);
    }),
  ])) as [{ port: number }];
  let nextId = 0;
  const call = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve) => {
      const id = ++nextId;
      const onMessage = (reply: { id?: number } & T) => {
        if (reply.id !== id) return;
        child.off('message', onMessage);
        resolve(reply);
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  const endpoint = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const admin = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(options.tls
      ? {
          requestHandler: {
            httpsAgent: new Agent({ ca: readFileSync(join(options.tls.cert, '../ca.pem')) }),
          },
        }
      : {}),
  });
  return {
    endpoint,
    admin,
    issueCredentials: async () => (await call<{ credentials: Credentials }>({ op: 'issue' })).credentials,
    revokeCredentials: async (accessKeyId) => {
      await call({ op: 'revoke', accessKeyId });
    },
    async stop() {
      admin.destroy();
      const exited = once(child, 'exit');
      child.disconnect();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
