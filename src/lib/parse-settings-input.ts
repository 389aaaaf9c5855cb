/** Reads generation settings typed by a person, clamping each to a sane range. */

export function clampNumber(raw: string | number, min: number, max: number, fallback: number): number {
  const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/** An empty field means "no fixed seed"; otherwise a whole number 0..2^32-1. */
export function parseSeed(raw: string): number | undefined {
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n : undefined;
}

/** One stop string per line; escapes like \n are kept literally except "\n" itself. */
export function parseStopList(raw: string): string[] {
  return raw
    .split('\n')
    .map((line) => line.replace(/\\n/g, '\n'))
    .filter((line) => line.length > 0)
    .slice(0, 16);
}

export function formatStopList(stop: readonly string[]): string {
  return stop.map((s) => s.replace(/\n/g, '\\n')).join('\n');
}
