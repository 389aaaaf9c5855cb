// The Content-Security-Policy of the app: our origin, plus the hosts models are
// downloaded from. The service worker adds the hosts the person chose
// (src/app/offline/allowed-hosts.ts) to connect-src.

/** Hugging Face (and the CDNs its downloads redirect to) and web-llm's model libraries. */
export const MODEL_HOSTS = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://raw.githubusercontent.com',
];

export const POLICY_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'", ...MODEL_HOSTS],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'font-src': ["'self'", 'data:'],
  'manifest-src': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Origins a person may add: http(s), a host name or IP literal, an optional port. */
export const ORIGIN_PATTERN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** The policy as a header value; `extraOrigins` not matching ORIGIN_PATTERN are ignored. */
export function contentSecurityPolicy(extraOrigins = []) {
  const extra = extraOrigins.filter((o) => ORIGIN_PATTERN.test(o));
  return Object.entries(POLICY_DIRECTIVES)
    .map(([name, values]) => [name, ...values, ...(name === 'connect-src' ? extra : [])].join(' '))
    .join('; ');
}
