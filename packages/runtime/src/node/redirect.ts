/** Redirect decisions of the Node fast path, as fetch makes them (WHATWG fetch §4.4). Pure. */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 20;

export type RedirectStep =
  | { follow: false }
  | { follow: true; url: string; method: string; dropBody: boolean; crossOrigin: boolean };

export function redirectStep(input: {
  status: number;
  location: string | undefined;
  url: string;
  method: string;
  mode: RequestRedirect;
}): RedirectStep {
  if (!REDIRECTS.has(input.status) || !input.location || input.mode !== 'follow') return { follow: false };
  const next = new URL(input.location, input.url);
  const becomesGet =
    input.status === 303
      ? input.method !== 'HEAD'
      : (input.status === 301 || input.status === 302) && input.method === 'POST';
  return {
    follow: true,
    url: next.href,
    method: becomesGet ? 'GET' : input.method,
    dropBody: becomesGet,
    crossOrigin: next.origin !== new URL(input.url).origin,
  };
}

/** Headers a redirect to another origin must not carry. */
export const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];
