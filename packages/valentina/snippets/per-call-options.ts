import { campaignsService } from '@sdkforge/valentina';

const campaigns = campaignsService('019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70');
const controller = new AbortController();

const page = await campaigns.getPage({
  limit: 25,
  signal: controller.signal, // abort the call, its retries and their waits
  timeout: 5_000, // each attempt may take 5 s
  deadline: 20_000, // the whole call, retries included, 20 s
  headers: { 'X-Trace-Id': 'session-42' },
  retry: { maxRetries: 1 }, // or `retry: false`
});

await campaigns.update(page.items[0]!.id, { in_game_date: null }, { idempotencyKey: 'clear-date-1' });
