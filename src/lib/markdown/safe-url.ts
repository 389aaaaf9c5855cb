/** Escaping and URL checks shared by the markdown renderer and its sanitizer. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', amp: '&', lpar: '(', rpar: ')', period: '.', quot: '"', apos: "'" };

/**
 * Decodes the entities a browser would decode in an attribute, including
 * numeric ones without the trailing semicolon (`&#106avascript:`).
 */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+);?|#(\d+);?|([a-z]+);)/gi, (match, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? match;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalized URL if it is an absolute http(s) or mailto address, else
 * null. Relative URLs are refused too: model output has no base to resolve
 * them against, and inside the app they would point at the app itself.
 */
export function safeLinkUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  let url: URL;
  try {
    // The WHATWG parser strips controls and whitespace exactly as browsers do
    // before they read the scheme (`java\tscript:`, ` javascript:`).
    url = new URL(decodeEntities(href));
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}
