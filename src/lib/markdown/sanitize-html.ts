/**
 * Second line of defence after the renderer (which already escapes all raw
 * HTML): an allowlist of the tags and attributes the renderer produces.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { escapeHtml, safeLinkUrl } from './safe-url';

const MARKDOWN_CONFIG: Config = {
  ALLOWED_TAGS: [
    'a', 'blockquote', 'br', 'button', 'code', 'del', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'input',
    'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  ],
  ALLOWED_ATTR: ['align', 'checked', 'class', 'data-copy', 'disabled', 'href', 'start', 'title', 'type'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // DOMPurify's default minus other schemes; it also vets plain values such as
  // `align="left"`. The hook below then allows only absolute http(s)/mailto links.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const HIGHLIGHT_CONFIG: Config = { ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'] };

let purifier: Purifier | null = null;

function getPurifier(): Purifier | null {
  if (purifier) return purifier;
  if (typeof window === 'undefined') return null;
  const instance = DOMPurify(window);
  if (!instance.isSupported) return null;
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = safeLinkUrl(node.getAttribute('href'));
      if (href) node.setAttribute('href', href);
      else node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow');
    } else if (node.nodeName === 'INPUT') {
      // Only the read-only checkboxes of task lists.
      node.setAttribute('type', 'checkbox');
      node.setAttribute('disabled', '');
    } else if (node.nodeName === 'BUTTON') {
      node.setAttribute('type', 'button');
      node.setAttribute('aria-label', 'Copy code');
    }
  });
  purifier = instance;
  return instance;
}

/** Without a DOM (no sanitizer available) the input is shown as plain text. */
function sanitize(html: string, config: Config): string {
  const instance = getPurifier();
  if (!instance) return `<p>${escapeHtml(html)}</p>`;
  return instance.sanitize(html, { ...config, RETURN_TRUSTED_TYPE: false }) as string;
}

export const sanitizeMarkdownHtml = (html: string): string => sanitize(html, MARKDOWN_CONFIG);

/** For highlighter output: only `<span class>` survives. */
export const sanitizeHighlightHtml = (html: string): string => sanitize(html, HIGHLIGHT_CONFIG);
