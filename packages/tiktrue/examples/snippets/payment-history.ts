import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  // GET /payments/list/: a bare array, newest first (there is no /payments/history).
  const payments = await client.payments.history();
  for (const payment of payments) {
    console.log(
      `Payment: ${payment.amount_display} on ${payment.paid_at ?? payment.created_at} (${payment.status})`,
    );
  }
} finally {
  await client.close();
}
