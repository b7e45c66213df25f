/**
 * What goes wrong, typed: input refused before sending, missing set-up, and the server's own errors
 * (Prism answers the status asked for with its `Prefer: code=…` header).
 */
import {
  campaignsService,
  MissingCompanyIdError,
  NotFoundError,
  problemDetails,
  RequestValidationError,
  ValentinaClient,
  ValidationError,
} from '@sdkforge/valentina';

const show = (label: string, value: unknown) => console.log(`→ ${label}\n  ${JSON.stringify(value)}`);

await using client = new ValentinaClient({
  baseUrl: process.env.VALENTINA_BASE_URL,
  apiKey: process.env.VALENTINA_API_KEY,
});

try {
  client.campaigns('019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70');
} catch (error) {
  if (!(error instanceof MissingCompanyIdError)) throw error;
  show('campaigns(userId) without companyId or defaultCompanyId → MissingCompanyIdError', error.message);
}

try {
  campaignsService('user-123', { companyId: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15' });
} catch (error) {
  if (!(error instanceof RequestValidationError)) throw error;
  show('campaignsService("user-123") → RequestValidationError (On-Behalf-Of must be a UUID)', error.issues);
}

const campaigns = campaignsService('019a3c1f-0d42-7a9b-8c3e-6f1b2a4d5e70', {
  companyId: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15',
});
try {
  await campaigns.create({ name: 'X', danger: 9 });
} catch (error) {
  if (!(error instanceof RequestValidationError)) throw error;
  show('create({ name: "X", danger: 9 }) → RequestValidationError, nothing sent', error.issues);
}

try {
  await campaigns.get('0b7a6c59-2f4e-4a8e-9d55-6f1a2b3c4d5e', { headers: { Prefer: 'code=404' } });
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  show('get(unknown id) → NotFoundError', {
    status: error.status,
    message: error.message,
    requestId: error.requestId,
  });
}

try {
  await client
    .identity({ companyId: '019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15' })
    .identify({ provider: 'google', token: 'expired' }, { headers: { Prefer: 'code=422' } });
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  show('identify(expired token) → ValidationError with its code', problemDetails(error));
}
