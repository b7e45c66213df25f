import {
  AuthenticationError,
  AvatarClient,
  type AvatarClientOptions,
  CredentialsRequiredError,
  NotFoundError,
  operationIndex,
  RateLimitError,
  RequestValidationError,
  ValidationError,
} from '@sdkforge/avatar';
import * as validators from '@sdkforge/avatar/validators';
import { describe, expect, inject, it } from 'vitest';
import { defineContractSuite } from '../helpers/contract.ts';
import { loadSpecDocument } from '../helpers/specs.ts';

const document = loadSpecDocument('avatar');
// The mock's URL is the server root; the client appends `/api`, which the proxy in front of Prism strips.
const options = (): AvatarClientOptions => ({
  baseUrl: inject('mockUrls').avatar,
  apiKey: 'q3Xn8Zb2R5vT0kLw9sHc4YpJ7eUa1DmG6fQoiNKx0Tz',
});

describe('avatar: every operation against Prism', () => {
  defineContractSuite(() => {
    const client = new AvatarClient(options());
    return {
      api: 'avatar',
      document,
      resources: {
        auth: client.auth,
        apiKeys: client.apiKeys,
        compatibility: client.compatibility,
        eventLogs: client.eventLogs,
        health: client.health,
        openapi: client.openapi,
        datasets: client.datasets,
        jobs: client.jobs,
        resources: client.resources,
        results: client.results,
        users: client.users,
      },
      // The generated index names each operation's group; the contract helper calls it `resource`.
      operationIndex: operationIndex.map((o) => ({ ...o, resource: o.group })),
      validators,
    };
  });
});

describe('avatar: typed results, YAML bodies and errors', () => {
  it('lists jobs and reads the results of the first one (the seed example)', async () => {
    const client = new AvatarClient(options());
    const { jobs } = await client.jobs.getJobs({ kind: ['standard', 'report'], limit: 20 });
    expect(jobs.length).toBeGreaterThan(0);
    const results = await client.results.getResults(jobs[0]!.name);
    for (const urls of Object.values(results))
      for (const url of urls) expect(url).toContain('/access?url=s3://');
  });

  it('sends and receives YAML: putResources with application/yaml, getResources as text', async () => {
    const client = new AvatarClient(options());
    const yaml =
      'kind: AvatarMetadata\nmetadata:\n  name: avatar-metadata-iris\nspec:\n  display_name: iris\n';
    const set = await client.resources.putResources('iris', yaml);
    expect(set).toEqual({ set_name: expect.any(String), display_name: 'iris' });
    const text = await client.resources.getResources(set.set_name);
    expect(typeof text).toBe('string');
    expect(text).toContain('kind: AvatarVolume');
    const volume = await client.resources.getUserVolume({ volume_name: 'input', purpose: 'input' });
    expect(volume).toMatch(/^kind: AvatarVolume/);
  });

  it('maps 404 to NotFoundError with the FastAPI detail', async () => {
    const client = new AvatarClient(options());
    const error = await client.jobs
      .getJobStatus('c3a8e5f1-7b2d-4e96-8f0a-5d4c1b9e7a23', { headers: { Prefer: 'code=404' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect((error as NotFoundError).message).toContain('Not Found');
  });

  it('maps 429 to RateLimitError with Retry-After (seconds) when retries are off', async () => {
    const client = new AvatarClient(options());
    const error = await client.users
      .getCreditsInfo({ headers: { Prefer: 'code=429' }, retry: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(30);
    expect((error as RateLimitError).message).toContain('Too many requests');
  });

  it('maps 422 to ValidationError with the pydantic messages, and 401 to AuthenticationError', async () => {
    const client = new AvatarClient(options());
    const invalid = await client.jobs
      .createJob(
        { set_name: '1f6e9b3c-8a24-4d7f-b5c0-3e91a7d2c846', parameters_name: 'standard', depends_on: [] },
        { headers: { Prefer: 'code=422' } },
      )
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).message).toContain('body.set_name: Input should be a valid UUID');
    const unauthorized = await client.users
      .getMe({ headers: { Prefer: 'code=401' } })
      .catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(AuthenticationError);
  });

  it('rejects bad input before sending (RequestValidationError); Prism rejects it too when sent', async () => {
    const client = new AvatarClient(options());
    const bad = { name: '', expiration_days: 7 } as never;
    const local = await client.apiKeys.createApiKey(bad).catch((e: unknown) => e);
    expect(local).toBeInstanceOf(RequestValidationError);
    expect((local as RequestValidationError).issues.map((i) => i.path).sort()).toEqual([
      'body.expiration_days',
      'body.name',
    ]);
    const unchecked = new AvatarClient({ ...options(), validateRequests: false });
    const remote = await unchecked.apiKeys.createApiKey(bad).catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(ValidationError);
  });

  it('authenticate() logs in with the password form, then calls carry the bearer token', async () => {
    const client = new AvatarClient({ baseUrl: inject('mockUrls').avatar });
    await expect(client.users.getMe()).rejects.toBeInstanceOf(CredentialsRequiredError);
    await client.authenticate('claire.martin@example.com', 'c0rrect-h0rse-battery');
    expect(await client.hasCredentials()).toBe(true);
    const me = await client.users.getMe();
    expect(me.environment.dataset_expiration_days).toBe(30);
  });
});
