import type { LoadProgress } from '../../engine/port';
import { formatBytes, formatDuration, formatSpeed } from '../../lib/format-units';

/** "1.2 GB of 3.8 GB · 32% · 12.5 MB/s · 3 min left" */
export function describeProgress(p: LoadProgress): string {
  if (p.phase !== 'downloading') return p.text;
  const parts = [`${formatBytes(p.loadedBytes)} of ${formatBytes(p.totalBytes)}`, `${Math.floor(p.fraction * 100)}%`];
  if (p.bytesPerSecond > 0) {
    parts.push(formatSpeed(p.bytesPerSecond));
    const left = formatDuration((p.totalBytes - p.loadedBytes) / p.bytesPerSecond);
    if (left && p.loadedBytes < p.totalBytes) parts.push(`${left} left`);
  }
  return parts.join(' · ');
}
