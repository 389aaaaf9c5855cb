/**
 * Windowed rendering of a long conversation: only the messages near the
 * viewport are in the page, and padding of their measured (or, until shown
 * once, estimated) height stands in for the rest. Rows that change height
 * above the viewport do not move what is being read; a new message scrolls
 * to the end and a message picked in search is scrolled to, as in a short
 * conversation, which is rendered whole and scrolls as it always did.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { StoredMessage } from '../../db';

/** Conversations up to this many messages are rendered whole. */
export const WINDOW_FROM = 40;
/** Viewports rendered above and below the visible one. */
const OVERSCAN = 0.5;
/** The window moves once the rows rendered no longer reach this far (in viewports) past the visible ones. */
const MARGIN = 0.15;
const ID_PREFIX = 'message-';

export interface MessageWindow {
  windowed: boolean;
  start: number;
  end: number;
  /** Padding standing in for the rows before `start` and from `end` on. */
  before: number;
  after: number;
}

type Reveal = { kind: 'end' } | { kind: 'message'; id: string };

interface Live {
  messages: StoredMessage[];
  shown: MessageWindow;
  reveal: Reveal | null;
  /** Where the list last scrolled itself; any other position means the person scrolled. */
  expectedTop: number;
  /** Measured heights, and first guesses for rows not shown yet, by message id. */
  heights: Map<string, number>;
  guesses: Map<string, number>;
}

/** A first guess at a row's height from its text, replaced once the row has been shown. */
function estimateHeight(m: StoredMessage): number {
  let lines = 0;
  for (const line of m.content.split('\n')) lines += Math.max(1, Math.ceil(line.length / 90));
  return (m.role === 'user' ? 50 : 90) + lines * 24;
}

function heightOf(live: Live, m: StoredMessage): number {
  const measured = live.heights.get(m.id);
  if (measured !== undefined) return measured;
  let guess = live.guesses.get(m.id);
  if (guess === undefined) live.guesses.set(m.id, (guess = estimateHeight(m)));
  return guess;
}

/** tops[i]: where row i starts, from the top of the list; tops[n]: the list's length plus one gap. */
function topsOf(live: Live, gap: number): Float64Array {
  const tops = new Float64Array(live.messages.length + 1);
  live.messages.forEach((m, i) => (tops[i + 1] = tops[i]! + heightOf(live, m) + gap));
  return tops;
}

/** The first row that ends below `y`. */
function rowAt(tops: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid + 1]! > y) hi = mid;
    else lo = mid + 1;
  }
  return Math.min(lo, Math.max(0, count - 1));
}

/**
 * Measures the rows in the page, keeps the view steady, carries out a
 * pending reveal, and returns the window to render next (null: unchanged).
 */
function settle(live: Live, scroller: HTMLElement, list: HTMLElement): MessageWindow | null {
  const { messages, shown, reveal } = live;
  const count = messages.length;
  const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
  const listTop = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  let tops = topsOf(live, gap);
  const viewTop = scroller.scrollTop - listTop;
  let shift = 0;
  let changed = false;
  [...list.children].forEach((row, k) => {
    const message = messages[shown.start + k];
    if (!message || row.id !== ID_PREFIX + message.id) return;
    const height = row.getBoundingClientRect().height;
    const before = heightOf(live, message);
    if (Math.abs(height - before) < 0.5) return;
    live.heights.set(message.id, height);
    changed = true;
    if (tops[shown.start + k]! + before <= viewTop) shift += height - before;
  });
  if (changed) tops = topsOf(live, gap);
  if (reveal) {
    const index = reveal.kind === 'message' ? messages.findIndex((m) => m.id === reveal.id) : -1;
    scroller.scrollTop = index < 0 ? scroller.scrollHeight : listTop + tops[index]! - (scroller.clientHeight - heightOf(live, messages[index]!)) / 2;
  } else if (shift) scroller.scrollTop += shift;
  live.expectedTop = scroller.scrollTop;

  const top = scroller.scrollTop - listTop;
  const height = scroller.clientHeight;
  const covered = tops[shown.start]! <= Math.max(0, top - MARGIN * height) && tops[shown.end]! >= Math.min(tops[count]!, top + height * (1 + MARGIN));
  const start = covered ? shown.start : rowAt(tops, count, top - OVERSCAN * height);
  const end = covered ? shown.end : Math.max(start + 1, rowAt(tops, count, top + height * (1 + OVERSCAN)) + 1);
  const next: MessageWindow = { windowed: true, start, end, before: tops[start]!, after: tops[count]! - tops[end]! };
  if (next.start !== shown.start || next.end !== shown.end || Math.abs(next.before - shown.before) >= 0.5 || Math.abs(next.after - shown.after) >= 0.5) return next;
  if (!changed) live.reveal = null;
  return null;
}

export function useMessageWindow(messages: StoredMessage[], focusId: string | null) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const live = useRef<Live | null>(null);
  const windowed = messages.length > WINDOW_FROM;
  const key = messages[0]?.id ?? '';

  // A conversation opens with the rows at its end in the page; settle() then moves the window where it belongs.
  const [state, setState] = useState({ key: '', shown: { windowed: false, start: 0, end: 0, before: 0, after: 0 } as MessageWindow });
  let shown = windowed ? state.shown : { windowed: false, start: 0, end: messages.length, before: 0, after: 0 };
  if (windowed && (state.key !== key || !state.shown.windowed)) {
    shown = { windowed: true, start: Math.max(0, messages.length - 12), end: messages.length, before: 0, after: 0 };
    setState({ key, shown });
  }

  useLayoutEffect(() => {
    live.current ??= { messages, shown, reveal: null, expectedTop: -1, heights: new Map(), guesses: new Map() };
    live.current.messages = messages;
    live.current.shown = shown;
  });

  const count = messages.length;
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !live.current) return;
    if (windowed) live.current.reveal = focusId ? { kind: 'message', id: focusId } : { kind: 'end' };
    else if (focusId) document.getElementById(ID_PREFIX + focusId)?.scrollIntoView({ block: 'center' });
    else scroller.scrollTop = scroller.scrollHeight;
  }, [count, focusId, windowed]);

  // After the rows or the window change, before the frame is painted.
  useLayoutEffect(() => {
    if (!windowed || !live.current || !scrollerRef.current || !listRef.current) return;
    const next = settle(live.current, scrollerRef.current, listRef.current);
    if (next) setState({ key, shown: next });
  }, [messages, state.shown, windowed, key, count, focusId]);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const list = listRef.current;
    if (!windowed || !scroller || !list) return;
    const update = () => {
      const next = live.current && settle(live.current, scroller, list);
      if (next) flushSync(() => setState({ key, shown: next }));
    };
    const onScroll = () => {
      if (live.current && Math.abs(scroller.scrollTop - live.current.expectedTop) > 1) live.current.reveal = null;
      update();
    };
    const resized = new ResizeObserver(update);
    const rowsChanged = new MutationObserver((records) => {
      for (const r of records) {
        r.removedNodes.forEach((node) => node instanceof Element && resized.unobserve(node));
        r.addedNodes.forEach((node) => node instanceof Element && resized.observe(node));
      }
    });
    [scroller, ...list.children].forEach((node) => resized.observe(node));
    rowsChanged.observe(list, { childList: true });
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      resized.disconnect();
      rowsChanged.disconnect();
    };
  }, [windowed, key]);

  return { shown, scrollerRef, listRef };
}
