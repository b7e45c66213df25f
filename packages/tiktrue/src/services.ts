import type {
  CallOptions,
  CancelPaymentResult,
  CreatePaymentResult,
  GetLicenseInfoResult,
  GetPaymentResult,
  GetSubscriptionResult,
  ListPaymentMethodsResult,
  ListPaymentsResult,
  ListPricingPlansResult,
  RequestRefundResult,
  Resources,
  ValidateLicenseResult,
  VerifyPaymentResult,
} from './types.js';

/**
 * Hardware-bound licenses (`client.license`). The guide's `renew_license` has no server route: buy or
 * extend a plan with `client.payments.create()` + `verify()`, then `validate()` again.
 */
export class LicenseService {
  readonly #api: Resources;

  constructor(api: Resources) {
    this.#api = api;
  }

  /**
   * Validates the user's license (guide: `validate_license`). With a fingerprint (64 hex characters,
   * checked before sending) the first call binds the license to that machine and later calls must match
   * it; a mismatch is an `AuthorizationError` whose message is the server's ("License is not valid for
   * this hardware"). The first call also creates the license.
   *
   * @example
   * const result = await client.license.validate(fingerprint);
   * console.log(result.valid, result.license.license_key);
   */
  validate(hardwareFingerprint?: string, options: CallOptions = {}): Promise<ValidateLicenseResult> {
    return this.#api.license.validateLicense({ hardware_fingerprint: hardwareFingerprint, ...options });
  }

  /**
   * License, plan and stored-fingerprint summary (guide: `get_license_info`). The plan is
   * `user_info.subscription_plan`; the expiry `license.expires_at` (null: no expiry). Answers
   * `NotFoundError` until `validate()` has been called once.
   */
  info(options: CallOptions = {}): Promise<GetLicenseInfoResult> {
    return this.#api.license.getLicenseInfo(options);
  }
}

/** Payments and subscriptions (`client.payments`). Amounts are decimal strings. */
export class PaymentsService {
  readonly #api: Resources;

  constructor(api: Resources) {
    this.#api = api;
  }

  /** Active payment methods (only `zarinpal` and `idpay` can complete a payment on this server). */
  methods(options: CallOptions = {}): Promise<ListPaymentMethodsResult> {
    return this.#api.payments.listPaymentMethods(options);
  }

  /** Active pricing plans. */
  plans(options: CallOptions = {}): Promise<ListPricingPlansResult> {
    return this.#api.payments.listPricingPlans(options);
  }

  /**
   * Creates a payment (guide: `create_payment_session`). The server takes a pricing-plan id and a
   * payment-method id (not the guide's plan name and months) and answers 201; send the user to
   * `redirect_url`.
   */
  create(
    input: { pricingPlan: string; paymentMethod: string },
    options: CallOptions = {},
  ): Promise<CreatePaymentResult> {
    return this.#api.payments.createPayment(
      { pricing_plan: input.pricingPlan, payment_method: input.paymentMethod },
      options,
    );
  }

  /** One of the user's payments. */
  get(paymentId: string, options: CallOptions = {}): Promise<GetPaymentResult> {
    return this.#api.payments.getPayment(paymentId, options);
  }

  /** The user's payments, newest first (guide: `get_payment_history`; server: `GET /payments/list/`). */
  history(options: CallOptions = {}): Promise<ListPaymentsResult> {
    return this.#api.payments.listPayments(options);
  }

  /** Asks the provider whether the payment went through; a verified payment upgrades the plan. */
  verify(paymentId: string, options: CallOptions = {}): Promise<VerifyPaymentResult> {
    return this.#api.payments.verifyPayment(paymentId, options);
  }

  /** Cancels a payment that is still processing. */
  cancel(paymentId: string, options: CallOptions = {}): Promise<CancelPaymentResult> {
    return this.#api.payments.cancelPayment({ payment_id: paymentId, ...options });
  }

  /** Requests a refund of a completed payment (an admin approves it). */
  refund(paymentId: string, reason: string, options: CallOptions = {}): Promise<RequestRefundResult> {
    return this.#api.payments.requestRefund(paymentId, { reason }, options);
  }

  /** The user's current subscription (plan, expiry, days left). */
  subscription(options: CallOptions = {}): Promise<GetSubscriptionResult> {
    return this.#api.payments.getSubscription(options);
  }
}
