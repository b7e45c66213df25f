import { TikTrueClient } from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });

  // There is no /license/renew on the server: pay for a plan, verify the payment, validate again.
  const plans = await client.payments.plans();
  const methods = await client.payments.methods();
  const pro = plans.find((p) => p.plan === 'pro' && p.currency === 'IRR');
  const zarinpal = methods.find((m) => m.provider === 'zarinpal');
  if (pro && zarinpal) {
    const { payment, redirect_url } = await client.payments.create({
      pricingPlan: pro.id,
      paymentMethod: zarinpal.id,
    });
    console.log(`Pay here: ${redirect_url}`);
    // …once the user has paid at the provider:
    const verification = await client.payments.verify(payment.id);
    if (verification.verified) {
      const license = await client.license.validate();
      console.log(`License renewed: ${license.user_info.subscription_plan}`);
    }
  }
} finally {
  await client.close();
}
