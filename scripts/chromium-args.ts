/**
 * The flags every headless Chromium of this repository starts with (the API-reference check and the runtime
 * matrix): no sandbox (CI runs as root), no GPU, and none of Chromium's background connections, which a
 * machine without outside network refuses.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
