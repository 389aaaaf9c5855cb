/** Tracks bytes across several files and reports speed over a sliding window. */
import type { LoadProgress } from '../port';

const WINDOW_MS = 3000;

export class DownloadProgress {
  private loaded = 0;
  private samples: { t: number; bytes: number }[] = [];
  private lastReport = 0;

  constructor(
    private readonly totalBytes: number,
    private readonly report: (p: LoadProgress) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Count bytes that were already present (cached) without affecting speed. */
  skip(bytes: number): void {
    this.loaded += bytes;
    this.emit(true);
  }

  add(bytes: number): void {
    this.loaded += bytes;
    const t = this.now();
    this.samples.push({ t, bytes: this.loaded });
    while (this.samples.length > 2 && t - this.samples[0]!.t > WINDOW_MS) this.samples.shift();
    this.emit(false);
  }

  get bytesPerSecond(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t === first.t) return 0;
    return ((last.bytes - first.bytes) * 1000) / (last.t - first.t);
  }

  /** Reports at most every 100 ms, plus the final one. */
  emit(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastReport < 100 && this.loaded < this.totalBytes) return;
    this.lastReport = t;
    const fraction = this.totalBytes > 0 ? Math.min(1, this.loaded / this.totalBytes) : 0;
    this.report({
      phase: 'downloading',
      loadedBytes: this.loaded,
      totalBytes: this.totalBytes,
      fraction,
      bytesPerSecond: this.bytesPerSecond,
      text: 'Downloading model files',
    });
  }
}
