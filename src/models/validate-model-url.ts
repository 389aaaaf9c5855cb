/** Checks a GGUF address typed by a person before it is saved. */

export type ModelUrlProblem = 'empty' | 'not-a-url' | 'not-http' | 'not-gguf';

export interface ModelUrlCheck {
  ok: boolean;
  problem?: ModelUrlProblem;
  message?: string;
  urls: string[];
}

/** Accepts one address, or several shard addresses one per line. */
export function checkGgufUrls(input: string, base?: string): ModelUrlCheck {
  const lines = input.split(/\s+/).map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return { ok: false, problem: 'empty', message: 'Enter the address of a .gguf file.', urls: [] };
  const urls: string[] = [];
  for (const line of lines) {
    let url: URL;
    try {
      url = new URL(line, base);
    } catch {
      return { ok: false, problem: 'not-a-url', message: `"${line}" is not a web address.`, urls: [] };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { ok: false, problem: 'not-http', message: 'Only http(s) addresses can be downloaded.', urls: [] };
    }
    if (!/\.gguf$/i.test(url.pathname)) {
      return { ok: false, problem: 'not-gguf', message: 'The address must end in .gguf (for Hugging Face, use the "resolve/main/…gguf" download link).', urls: [] };
    }
    urls.push(url.href.replace('/blob/', '/resolve/'));
  }
  return { ok: true, urls };
}
