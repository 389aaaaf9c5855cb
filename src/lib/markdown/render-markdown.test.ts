// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { highlightCode } from './highlight-code';
import { renderMarkdown, renderMarkdownBlocks } from './render-markdown';

const dom = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

describe('renderMarkdown', () => {
  it('renders a GFM table with alignment', () => {
    const root = dom(renderMarkdown('| Name | Size |\n|:-----|-----:|\n| a.txt | 3 kB |\n| b.txt | 12 kB |'));
    const table = root.querySelector('table')!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Name', 'Size']);
    expect([...table.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['a.txt', '3 kB', 'b.txt', '12 kB']);
    expect(table.querySelector('td')!.getAttribute('align')).toBe('left');
  });

  it('renders lists, task lists, emphasis and strikethrough', () => {
    const root = dom(renderMarkdown('- one\n- **two**\n\n3. three\n4. four\n\n- [x] done\n- [ ] to do\n\n~~old~~ *new*'));
    expect([...root.querySelectorAll('ul')[0]!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(root.querySelector('ol')!.getAttribute('start')).toBe('3');
    const boxes = [...root.querySelectorAll('input')];
    expect(boxes.map((b) => [b.type, b.checked, b.disabled])).toEqual([['checkbox', true, true], ['checkbox', false, true]]);
    expect(root.querySelector('del')!.textContent).toBe('old');
    expect(root.querySelector('em')!.textContent).toBe('new');
  });

  it('keeps single line breaks, as people and models write them', () => {
    expect(dom(renderMarkdown('line one\nline two')).querySelectorAll('br')).toHaveLength(1);
  });

  it('renders a fenced code block with its language and a copy button', () => {
    const root = dom(renderMarkdown('```python\nif a < b:\n    print("<b>")\n```'));
    const code = root.querySelector('.code-block pre code')!;
    expect(code.className).toBe('language-python');
    expect(code.textContent).toBe('if a < b:\n    print("<b>")');
    const button = root.querySelector('.code-block button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Copy code');
    expect(button.textContent).toBe('Copy');
    expect(root.querySelector('.code-language')!.textContent).toBe('python');
  });

  it('drops a language name that is not a plain word', () => {
    const code = dom(renderMarkdown('```"><img src=x>\nx\n```')).querySelector('code')!;
    expect(code.className).toBe('');
    expect(code.textContent).toBe('x');
  });

  it('renders an unclosed fence (a reply still being written) as code so far', () => {
    const root = dom(renderMarkdown('Here:\n\n```js\nconst a = 1;\nconst b'));
    expect(root.querySelector('p')!.textContent).toBe('Here:');
    expect(root.querySelector('code')!.textContent).toBe('const a = 1;\nconst b');
  });

  it('marks inline and display math with its TeX source, untouched by markdown', () => {
    const root = dom(renderMarkdown('Inline $a_1 * b_2$ and \\(x^2\\).\n\n$$\n\\frac{a_1}{b_2}\n$$\n\n\\[\nE = mc^2\n\\]\n\nAlso $$\\sum_i x_i$$ inline.'));
    expect([...root.querySelectorAll('.math-inline')].map((m) => m.textContent)).toEqual(['a_1 * b_2', 'x^2']);
    expect([...root.querySelectorAll('.math-display')].map((m) => m.textContent)).toEqual(['\\frac{a_1}{b_2}', 'E = mc^2', '\\sum_i x_i']);
    expect(root.querySelector('em')).toBeNull();
  });

  it('leaves prices and unclosed math as text', () => {
    const root = dom(renderMarkdown('It costs $5 and $10. Streaming: $$\\frac{1'));
    expect(root.querySelector('.math-inline, .math-display')).toBeNull();
    expect(root.textContent).toContain('$5 and $10');
  });

  it('leaves math inside code alone', () => {
    const root = dom(renderMarkdown('`$x$` and\n\n```\n$$y$$\n```'));
    expect(root.querySelector('.math-inline, .math-display')).toBeNull();
  });

  it('resolves reference links across blocks', () => {
    const { blocks } = renderMarkdownBlocks('See [the docs][docs].\n\nMore text.\n\n[docs]: https://example.org/docs');
    expect(blocks).toHaveLength(2);
    expect(dom(blocks[0]!).querySelector('a')!.getAttribute('href')).toBe('https://example.org/docs');
  });

  it('splits text into top-level blocks, so unchanged ones are reused while streaming', () => {
    const before = renderMarkdownBlocks('# Title\n\nFirst paragraph.\n\nSecond').blocks;
    const after = renderMarkdownBlocks('# Title\n\nFirst paragraph.\n\nSecond paragraph, longer').blocks;
    expect(before).toHaveLength(3);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[2]).not.toEqual(before[2]);
  });

  it('stops rendering new blocks when its time budget is spent and returns the rest as source', () => {
    const text = Array.from({ length: 40 }, (_, i) => `| n | v |\n|---|---|\n| ${i} | ${'x'.repeat(i)} |`).join('\n\n');
    const none = renderMarkdownBlocks(text, 0);
    expect(none.blocks).toEqual([]);
    expect(none.pending).toBe(text);
    const first = renderMarkdownBlocks(text, 1e-9);
    expect(first.blocks).toHaveLength(1); // with any budget left, at least one new block
    expect(first.pending.startsWith('| n | v |\n|---|---|\n| 1 |')).toBe(true);
    const second = renderMarkdownBlocks(text, 1e-9);
    expect(second.blocks.slice(0, 1)).toEqual(first.blocks); // cached blocks cost nothing
    expect(second.blocks).toHaveLength(2);
    const all = renderMarkdownBlocks(text);
    expect(all.pending).toBe('');
    expect(all.blocks).toHaveLength(40);
    expect(dom(all.blocks[39]!).querySelector('td:last-child')!.textContent).toBe('x'.repeat(39));
  });
});

describe('highlightCode', () => {
  it('highlights a known language with escaped text in spans', () => {
    const html = highlightCode('const a = "<b>";', 'js')!;
    const root = dom(html);
    expect(root.textContent).toBe('const a = "<b>";');
    expect(root.querySelector('.hljs-keyword')!.textContent).toBe('const');
    expect(root.querySelector('b')).toBeNull();
  });

  it('leaves unknown languages plain', () => {
    expect(highlightCode('x', 'no-such-language')).toBeNull();
  });
});
