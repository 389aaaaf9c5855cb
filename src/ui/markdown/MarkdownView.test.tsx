// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { codeHighlighter, markdownRenderer, mathTypesetter } from './lazy-modules';
import { MarkdownView } from './MarkdownView';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

const pendingText = () => container.querySelector('.markdown-block.markdown-plain');

/** Renders, then lets the view finish the blocks it left for later passes (each pass is one timer). */
async function show(text: string, streaming?: boolean): Promise<void> {
  await act(() => root.render(<MarkdownView text={text} streaming={streaming} />));
  for (let passes = 0; pendingText() && passes < 100; passes++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 1)));
  }
}

describe('MarkdownView', () => {
  beforeAll(async () => {
    await Promise.all([markdownRenderer.load(), codeHighlighter.load(), mathTypesetter.load()]);
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    vi.restoreAllMocks();
  });

  it('renders markdown, with raw HTML as text', async () => {
    await show('**bold** <img src=x onerror=alert(1)>\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(container.querySelector('strong')!.textContent).toBe('bold');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelectorAll('td')).toHaveLength(2);
  });

  it('keeps finished blocks in place while a reply streams, and highlights code once it is finished', async () => {
    const start = '# Plan\n\nFirst step.\n\n```js\nconst a = 1;';
    await show(start, true);
    const heading = container.querySelector('h1');
    const code = () => container.querySelector('pre code')!;
    expect(code().textContent).toBe('const a = 1;');
    expect(code().querySelector('span')).toBeNull();

    await show(start + '\nconst b = 2;', true);
    expect(container.querySelector('h1')).toBe(heading);
    expect(code().textContent).toBe('const a = 1;\nconst b = 2;');
    expect(code().querySelector('span')).toBeNull();

    await show(start + '\nconst b = 2;\n```\n\nDone', true);
    const highlighted = code();
    expect(highlighted.querySelector('.hljs-keyword')!.textContent).toBe('const');
    await show(start + '\nconst b = 2;\n```\n\nDone.', false);
    expect(code()).toBe(highlighted);
    expect(container.querySelector('h1')).toBe(heading);
  });

  it('renders a long message a few blocks per task, showing the rest as text meanwhile', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 20)); // every new block spends the budget
    const text = Array.from({ length: 6 }, (_, i) => `Paragraph **${i}**.`).join('\n\n');
    await act(() => root.render(<MarkdownView text={text} />));
    expect(container.querySelectorAll('strong')).toHaveLength(1);
    expect(pendingText()!.textContent).toBe(text.slice(text.indexOf('Paragraph **1**')));
    await show(text);
    expect(pendingText()).toBeNull();
    expect([...container.querySelectorAll('strong')].map((b) => b.textContent)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('typesets math with KaTeX', async () => {
    await show('Area $\\pi r^2$.\n\n$$\\frac{a}{b}$$');
    expect(container.querySelector('.math-inline .katex')).not.toBeNull();
    expect(container.querySelector('.math-display .katex-display')).not.toBeNull();
  });

  it('copies a code block and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await show('```sh\nnpm i -E marked\n```');
    const button = container.querySelector<HTMLButtonElement>('button.code-copy')!;
    expect(button.getAttribute('aria-label')).toBe('Copy code');
    await act(async () => button.click());
    expect(writeText).toHaveBeenCalledWith('npm i -E marked');
    expect(button.textContent).toBe('Copied');
    expect(button.getAttribute('aria-label')).toBe('Code copied');
  });

  it('says when copying is not allowed', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    await show('```\nx\n```');
    const button = container.querySelector<HTMLButtonElement>('button.code-copy')!;
    await act(async () => button.click());
    expect(button.textContent).toBe('Copy failed');
  });
});
