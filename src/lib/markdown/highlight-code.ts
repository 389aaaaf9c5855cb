/**
 * Syntax highlighting, loaded on demand (dynamic import) the first time a
 * finished code block is shown: highlight.js core with common languages only.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { sanitizeHighlightHtml } from './sanitize-html';

const LANGUAGES = { bash, c, cpp, csharp, css, diff, go, java, javascript, json, markdown, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);

/** Guessing the language of long code is slow; such blocks stay plain. */
const AUTO_DETECT_LIMIT = 4000;
const HIGHLIGHT_LIMIT = 100_000;

/**
 * The code as highlighted HTML (only `<span class="hljs-…">` around escaped
 * text), or null when the language is unknown or the code too long.
 */
export function highlightCode(code: string, language: string): string | null {
  if (code.length > HIGHLIGHT_LIMIT) return null;
  let html: string;
  if (language) {
    if (!hljs.getLanguage(language)) return null;
    html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  } else {
    if (code.length > AUTO_DETECT_LIMIT) return null;
    const result = hljs.highlightAuto(code);
    if (!result.language || result.relevance < 5) return null;
    html = result.value;
  }
  return sanitizeHighlightHtml(html);
}
