/**
 * Message text rendered as markdown. Each top-level block is its own memoized
 * element, so while a reply streams only the last block is replaced, and code
 * already highlighted stays as it is. Until the renderer has loaded (first
 * message of the session) the text shows as plain text.
 *
 * Blocks not rendered before share one time budget per task (render-budget.ts);
 * the rest shows as plain text and is rendered in the next task, so a burst of
 * streamed text, a long message or many messages at once never block the page
 * for long.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useSyncExternalStore, type MouseEvent } from 'react';
import { copyCodeBlock } from './copy-code';
import { enhanceBlock } from './enhance-block';
import { markdownRenderer, subscribeToRenderer } from './lazy-modules';
import { remainingRenderBudget } from './render-budget';
import './markdown.css';

const MarkdownBlock = memo(function MarkdownBlock({ html, live }: { html: string; live: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (ref.current) enhanceBlock(ref.current, live);
  }, [html, live]);
  // html comes from renderMarkdownBlocks: raw HTML escaped, then allowlist-sanitized.
  return <div className="markdown-block" ref={ref} dangerouslySetInnerHTML={{ __html: html }} />;
});

function onCopyClick(event: MouseEvent<HTMLDivElement>): void {
  const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  if (button instanceof HTMLButtonElement) void copyCodeBlock(button);
}

export function MarkdownView({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const renderer = useSyncExternalStore(subscribeToRenderer, markdownRenderer.current);
  const [pass, nextPass] = useReducer((n: number) => n + 1, 0);
  // `pass` re-runs the render after one left blocks pending; the blocks done so far come from the cache.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rendered = useMemo(() => renderer?.renderMarkdownBlocks(text, remainingRenderBudget()) ?? null, [renderer, text, pass]);
  const pending = rendered?.pending ?? '';
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(nextPass, 0);
    return () => clearTimeout(timer);
  }, [rendered, pending]);
  if (!rendered) return <div className="markdown markdown-plain">{text}</div>;
  const { blocks } = rendered;
  return (
    <div className="markdown" onClick={onCopyClick}>
      {blocks.map((html, i) => (
        <MarkdownBlock key={i} html={html} live={streaming && !pending && i === blocks.length - 1} />
      ))}
      {pending && <div className="markdown-block markdown-plain">{pending}</div>}
    </div>
  );
}
