import {
  AuthenticationError,
  ConnectionError,
  RequestValidationError,
  SdkError,
  TikTrueClient,
  TimeoutError,
  ValidationError,
} from '@sdkforge/tiktrue';

const client = new TikTrueClient();
try {
  try {
    await client.login({ email: 'user@example.com', password: process.env.TIKTRUE_PASSWORD ?? '' });
  } catch (error) {
    if (error instanceof RequestValidationError) {
      console.log('Bad input, nothing was sent:', error.issues);
    } else if (error instanceof ValidationError) {
      // 400 {"non_field_errors": ["Invalid credentials"]}: the guide's INVALID_CREDENTIALS
      console.log('Please check your email and password');
    } else if (error instanceof AuthenticationError) {
      console.log('Session expired and could not be refreshed: log in again');
    } else if (error instanceof ConnectionError || error instanceof TimeoutError) {
      // the guide's NETWORK_ERROR / TIMEOUT, after the client's retries
      console.log('Network connection failed, please try again');
    } else if (error instanceof SdkError) {
      console.log(`Login failed: ${error.message}`);
    } else {
      console.log('Unexpected error:', error);
    }
  }
} finally {
  await client.close();
}
