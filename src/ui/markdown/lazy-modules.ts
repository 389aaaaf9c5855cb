/**
 * The parts of message rendering kept out of the startup bundle, each loaded
 * the first time it is needed and then available synchronously:
 * - the markdown renderer (marked + DOMPurify), when a message is first shown;
 * - the syntax highlighter, when a finished code block is shown;
 * - KaTeX with its CSS and fonts, when a message contains math.
 * All are bundled from node_modules; nothing is fetched from elsewhere.
 */
type Renderer = typeof import('../../lib/markdown/render-markdown');
type Highlighter = typeof import('../../lib/markdown/highlight-code');
type Katex = (typeof import('katex'))['default'];

interface LazyModule<T> {
  /** The module once loaded, else null. */
  current(): T | null;
  load(): Promise<T>;
}

function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    current: () => value,
    load() {
      pending ??= importer().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          pending = null; // the next message tries again
          throw error;
        },
      );
      return pending;
    },
  };
}

export const markdownRenderer = lazyModule<Renderer>(() => import('../../lib/markdown/render-markdown'));
export const codeHighlighter = lazyModule<Highlighter>(() => import('../../lib/markdown/highlight-code'));
export const mathTypesetter = lazyModule<Katex>(async () => {
  const [katex] = await Promise.all([import('katex'), import('katex/dist/katex.min.css')]);
  return katex.default;
});

const rendererListeners = new Set<() => void>();

/** For useSyncExternalStore: starts loading the renderer on first use. */
export function subscribeToRenderer(listener: () => void): () => void {
  rendererListeners.add(listener);
  if (!markdownRenderer.current()) {
    markdownRenderer.load().then(
      () => rendererListeners.forEach((notify) => notify()),
      () => {},
    );
  }
  return () => rendererListeners.delete(listener);
}
