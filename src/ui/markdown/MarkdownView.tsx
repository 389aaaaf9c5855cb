/**
 * Message text rendered as markdown. Each top-level block is its own memoized
 * element, so while a reply streams only the last block is replaced, and code
 * already highlighted stays as it is. Until the renderer has loaded (first
 * message of the session) the text shows as plain text.
 */
import { memo, useLayoutEffect, useMemo, useRef, useSyncExternalStore, type MouseEvent } from 'react';
import { copyCodeBlock } from './copy-code';
import { enhanceBlock } from './enhance-block';
import { markdownRenderer, subscribeToRenderer } from './lazy-modules';
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
  const blocks = useMemo(() => renderer?.renderMarkdownBlocks(text) ?? null, [renderer, text]);
  if (!blocks) return <div className="markdown markdown-plain">{text}</div>;
  return (
    <div className="markdown" onClick={onCopyClick}>
      {blocks.map((html, i) => (
        <MarkdownBlock key={i} html={html} live={streaming && i === blocks.length - 1} />
      ))}
    </div>
  );
}
