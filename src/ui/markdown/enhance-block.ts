/** Typesets math and highlights code inside a rendered markdown block. */
import type { KatexOptions } from 'katex';
import { codeHighlighter, mathTypesetter } from './lazy-modules';

type Highlighter = NonNullable<ReturnType<typeof codeHighlighter.current>>;
type Katex = NonNullable<ReturnType<typeof mathTypesetter.current>>;

// trust: false keeps \href, \url, \includegraphics and \html… from producing
// links or markup; the limits stop macro bombs from freezing the page.
const KATEX_OPTIONS: KatexOptions = { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 50, output: 'htmlAndMathml' };

function typeset(katex: Katex, el: HTMLElement): void {
  if (!el.isConnected || 'typeset' in el.dataset) return;
  const tex = el.textContent ?? '';
  el.dataset.typeset = '';
  try {
    katex.render(tex, el, { ...KATEX_OPTIONS, displayMode: el.classList.contains('math-display') });
  } catch {
    el.textContent = tex;
  }
}

function highlight(highlighter: Highlighter, code: HTMLElement): void {
  if (!code.isConnected || 'highlighted' in code.dataset) return;
  code.dataset.highlighted = '';
  const language = /\blanguage-([\w+#.-]+)/.exec(code.className)?.[1] ?? '';
  // Only <span class> around escaped text (sanitized in highlightCode).
  const html = highlighter.highlightCode(code.textContent ?? '', language);
  if (html !== null) code.innerHTML = html;
}

/** Runs `apply` on each element now if the module is loaded, else once it is. */
function withModule<T>(module: { current(): T | null; load(): Promise<T> }, elements: HTMLElement[], apply: (m: T, el: HTMLElement) => void): void {
  if (!elements.length) return;
  const loaded = module.current();
  if (loaded) elements.forEach((el) => apply(loaded, el));
  else module.load().then((m) => elements.forEach((el) => apply(m, el)), () => {});
}

/** `live`: the block is still being written, so its code stays plain until it is done. */
export function enhanceBlock(root: HTMLElement, live: boolean): void {
  withModule(mathTypesetter, [...root.querySelectorAll<HTMLElement>('.math-inline, .math-display')], typeset);
  if (!live) withModule(codeHighlighter, [...root.querySelectorAll<HTMLElement>('pre > code')], highlight);
}
