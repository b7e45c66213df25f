import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  // The server takes a pricing-plan id and a payment-method id, not ("PRO", 12).
  const plan = (await client.payments.plans()).find((p) => p.plan === 'pro')!;
  const method = (await client.payments.methods()).find((m) =>
    m.supported_currencies.includes(plan.currency),
  )!;
  const session = await client.payments.create({ pricingPlan: plan.id, paymentMethod: method.id });
  console.log(`Payment URL: ${session.redirect_url}`);
} finally {
  await client.close();
}
