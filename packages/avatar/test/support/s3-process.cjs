// Runs s3rver (a real S3-compatible server from the npm registry) in its own process, so the tests
// measure the SDK's memory alone. Talks to its parent over IPC: it sends { port } once listening and
// answers { id, op: 'issue' | 'revoke' } messages that manage key pairs s3rver checks SigV4 against.
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const S3rver = require('@20minutes/s3rver');
const Account = require('@20minutes/s3rver/lib/models/account');

const [directory, ...buckets] = process.argv.slice(2);
// With S3_TLS_KEY / S3_TLS_CERT (PEM file paths) the server speaks HTTPS.
const tls = process.env.S3_TLS_KEY
  ? { key: readFileSync(process.env.S3_TLS_KEY), cert: readFileSync(process.env.S3_TLS_CERT) }
  : {};
const account = new Account(210987654321, 'avatar-users');
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
  ...tls,
});

server.run().then(({ port }) => process.send({ port }));
process.on('message', (message) => {
  if (message.op === 'issue') {
    const access_key_id = `AKTMP${randomBytes(8).toString('hex').toUpperCase()}`;
    const secret_access_key = randomBytes(24).toString('base64url');
    account.createKeyPair(access_key_id, secret_access_key);
    process.send({ id: message.id, credentials: { access_key_id, secret_access_key } });
  } else if (message.op === 'revoke') {
    account.revokeAccessKey(message.accessKeyId);
    process.send({ id: message.id });
  }
});
process.on('disconnect', () => server.close().finally(() => process.exit(0)));
