/**
 * Markdown (GFM + LaTeX math) to sanitized HTML. Raw HTML in the text is
 * never HTML: it is escaped and shows as the text that was written.
 */
import { Marked, type Token, type TokensList } from 'marked';
import { mathExtension } from './math-extension';
import { escapeHtml, safeLinkUrl } from './safe-url';
import { sanitizeMarkdownHtml } from './sanitize-html';

const LINK_ATTRS = 'target="_blank" rel="noopener noreferrer nofollow"';

const codeLanguage = (lang: string | undefined): string => {
  const first = (lang ?? '').trim().split(/\s+/)[0]!.toLowerCase();
  return /^[a-z0-9_+#.-]{1,32}$/.test(first) ? first : '';
};

const markdown = new Marked({ gfm: true, breaks: true, async: false }, mathExtension, {
  renderer: {
    html: ({ text, block }) =>
      block ? `<p class="markdown-raw">${escapeHtml(text.trim()).replace(/\n/g, '<br>')}</p>\n` : escapeHtml(text),

    code({ text, lang }) {
      const language = codeLanguage(lang);
      const codeClass = language ? ` class="language-${language}"` : '';
      return (
        // The sanitizer gives the button its accessible name ("Copy code").
        `<div class="code-block"><div class="code-header"><span class="code-language">${language}</span>` +
        '<button type="button" class="code-copy" data-copy="">Copy</button></div>' +
        `<pre><code${codeClass}>${escapeHtml(text.replace(/\n$/, ''))}</code></pre></div>\n`
      );
    },

    link({ href, title, tokens }) {
      const text = this.parser.parseInline(tokens);
      const url = safeLinkUrl(href);
      if (!url) return text;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(url)}"${titleAttr} ${LINK_ATTRS}>${text}</a>`;
    },

    // Images are never loaded: a remote image in a local-first app tells its
    // server who read the message and when. They show as "[image: alt]",
    // linked to the address when it is a safe one.
    image({ href, text }) {
      const label = `[image: ${escapeHtml(text || 'no description')}]`;
      const url = safeLinkUrl(href);
      if (!url) return `<span class="markdown-image">${label}</span>`;
      return `<a class="markdown-image" href="${escapeHtml(url)}" title="${escapeHtml(url)}" ${LINK_ATTRS}>${label}</a>`;
    },
  },
});

// Top-level blocks rendered before: while a reply streams, only its last block changes.
const blockCache = new Map<string, string>();
const BLOCK_CACHE_LIMIT = 2000;

/** `growing`: the last block, which changes on every streamed token, is not cached. */
function renderBlock(token: Token, key: string, growing: boolean): string {
  const html = sanitizeMarkdownHtml(markdown.parser([token]));
  if (growing) return html;
  if (blockCache.size >= BLOCK_CACHE_LIMIT) blockCache.clear();
  blockCache.set(key, html);
  return html;
}

export interface RenderedBlocks {
  /** Sanitized HTML, one string per top-level block (paragraph, list, table, code block…). */
  blocks: string[];
  /** The source of the blocks after these, left for a later pass because the time budget ran out; '' when none. */
  pending: string;
}

/**
 * The text as sanitized HTML, one string per top-level block. Reference-style
 * link definitions apply across blocks. Blocks rendered before come from a
 * cache; once `budgetMs` is spent on new ones (with any budget left, at least
 * one is rendered), the rest is returned as `pending` source, so a caller can
 * show it as plain text and render it in a later task instead of blocking the page.
 */
export function renderMarkdownBlocks(text: string, budgetMs = Infinity): RenderedBlocks {
  const started = performance.now();
  const tokens: TokensList = markdown.lexer(text);
  const links = Object.keys(tokens.links).length ? JSON.stringify(tokens.links) : '';
  const isContent = (token: Token) => token.type !== 'space' && token.type !== 'def';
  const last = tokens.findLastIndex(isContent);
  const blocks: string[] = [];
  let renderedNew = false;
  for (const [i, token] of tokens.entries()) {
    if (!isContent(token)) continue;
    const key = `${links}\u0000${token.raw}`;
    let html = blockCache.get(key);
    if (html === undefined) {
      if ((renderedNew || budgetMs <= 0) && performance.now() - started > budgetMs) {
        return { blocks, pending: tokens.slice(i).map((t) => t.raw).join('') };
      }
      html = renderBlock(token, key, i === last);
      renderedNew = true;
    }
    if (html) blocks.push(html);
  }
  return { blocks, pending: '' };
}

export function renderMarkdown(text: string): string {
  return renderMarkdownBlocks(text).blocks.join('');
}
