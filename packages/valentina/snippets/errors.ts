import {
  APIError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  companiesService,
  NotFoundError,
  problemDetails,
  RateLimitError,
  RequestValidationError,
  ServerError,
  ValidationError,
} from '@sdkforge/valentina';

const companies = companiesService();

try {
  const company = await companies.get('019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15');
  console.log(company.name);
} catch (error) {
  if (error instanceof NotFoundError) {
    console.log('Company not found');
  } else if (error instanceof AuthorizationError) {
    console.log("You don't have access to this company");
  } else if (error instanceof AuthenticationError) {
    console.log('Invalid API key');
  } else if (error instanceof ValidationError) {
    console.log(`Server validation failed: ${error.message}`, problemDetails(error).invalidParameters);
  } else if (error instanceof RequestValidationError) {
    console.log(`Client validation failed: ${error.message}`, error.issues);
  } else if (error instanceof ConflictError) {
    console.log('Resource conflict (check idempotency key)');
  } else if (error instanceof RateLimitError) {
    console.log(`Rate limited, retry after ${error.retryAfter}s`);
  } else if (error instanceof ServerError) {
    console.log('Server error, try again later');
  } else if (error instanceof APIError) {
    console.log(`API error: ${error.message} (request ${error.requestId})`);
  } else {
    throw error;
  }
}
