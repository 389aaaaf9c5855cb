// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';
import { XSS_PAYLOADS } from './xss-payloads';

const FORBIDDEN_TAGS = 'script, svg, math, iframe, object, embed, style, form, img, link, meta, base, details, noscript, body, textarea, select, video, audio, source';
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** Every way the rendered HTML could run script or load something. */
function problems(html: string): string[] {
  const found: string[] = [];
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const el of template.content.querySelectorAll(FORBIDDEN_TAGS)) found.push(`<${el.localName}>`);
  for (const el of template.content.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${el.localName}[${name}]`);
      if (['style', 'src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'].includes(name)) found.push(`${el.localName}[${name}]`);
      if (name === 'href' && !SAFE_URL.test(attr.value)) found.push(`${el.localName}[href=${attr.value}]`);
    }
    if (el.localName === 'a' && el.getAttribute('rel') !== 'noopener noreferrer nofollow') found.push('a without rel');
    if (el.localName === 'a' && el.getAttribute('target') !== '_blank') found.push('a without target');
    if (el.localName === 'input' && (el.getAttribute('type') !== 'checkbox' || !el.hasAttribute('disabled'))) found.push('live input');
  }
  if (/javascript:|vbscript:|data:/i.test([...template.content.querySelectorAll('[href]')].map((a) => a.getAttribute('href')).join(' '))) found.push('script URL');
  return found;
}

const textOf = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return (div.textContent ?? '').trim();
};

describe('renderMarkdown against hostile text', () => {
  it('has a corpus of at least 25 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(XSS_PAYLOADS)('$name renders inert', ({ text, visible }) => {
    const html = renderMarkdown(text);
    expect(problems(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<svg|<iframe|<object|<embed|<style|<form|<img/i);
    if (visible) expect(textOf(html)).toContain(visible);
  });

  it('stays inert after a second parse (no mutation XSS)', () => {
    for (const { text } of XSS_PAYLOADS) {
      const div = document.createElement('div');
      div.innerHTML = renderMarkdown(text);
      expect(problems(div.innerHTML)).toEqual([]);
    }
  });

  it('renders every payload at once, as one reply, without leaking', () => {
    const all = XSS_PAYLOADS.map((p) => p.text).join('\n\n');
    expect(problems(renderMarkdown(all))).toEqual([]);
  });

  it('never turns an image into a request', () => {
    const html = renderMarkdown('![tracking pixel](https://tracker.example/pixel.png "t")');
    expect(html).not.toContain('<img');
    expect(textOf(html)).toBe('[image: tracking pixel]');
    const link = new DOMParser().parseFromString(html, 'text/html').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://tracker.example/pixel.png');
  });

  it('shows an unsafe link as its text only', () => {
    for (const text of ['[click](javascript:alert(1))', '[click](vbscript:msgbox(1))', '[click](data:text/html,x)', '[click](/relative/path)']) {
      const html = renderMarkdown(text);
      expect(html).not.toContain('<a');
      expect(textOf(html)).toBe('click');
    }
  });

  it('opens safe links in a new tab without an opener or referrer', () => {
    const html = renderMarkdown('[site](https://example.org/a?b=1&c=2) <https://auto.example> mail me: <mailto:a@example.org>');
    const links = [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/a?b=1&c=2', 'https://auto.example/', 'mailto:a@example.org']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
  });

  it('shows a raw HTML block as the text that was written', () => {
    const text = '<div onclick="steal()">\n<b>bold?</b>\n</div>';
    const html = renderMarkdown(text);
    expect(html).not.toContain('<div onclick');
    expect(textOf(html)).toBe('<div onclick="steal()"><b>bold?</b></div>');
  });
});
