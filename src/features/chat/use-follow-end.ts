/**
 * While the view is at the end of the conversation, it stays there as the
 * last message grows (a reply being written, then its stats). Scrolling up
 * stops that, so the person can read in peace; scrolling back to the end
 * starts it again. Other messages changing height (an edit form opening)
 * never move the view.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** How close to the end (px) still counts as at the end. */
const AT_END_PX = 32;

export function useFollowEnd(scrollerRef: RefObject<HTMLElement | null>, listRef: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const list = listRef.current;
    if (!scroller || !list) return;
    const distance = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    let atEnd = distance() < AT_END_PX;
    const onScroll = () => {
      atEnd = distance() < AT_END_PX;
    };
    // Runs after layout, before paint: the grown text and the scroll appear in the same frame.
    const grown = new ResizeObserver(() => {
      if (atEnd && distance() > 0) scroller.scrollTop = scroller.scrollHeight;
    });
    let last: Element | null = null;
    const watchLast = () => {
      if (list.lastElementChild === last) return;
      if (last) grown.unobserve(last);
      last = list.lastElementChild;
      if (last) grown.observe(last);
    };
    watchLast();
    const rows = new MutationObserver(watchLast);
    rows.observe(list, { childList: true });
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      grown.disconnect();
      rows.disconnect();
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scrollerRef, listRef]);
}
