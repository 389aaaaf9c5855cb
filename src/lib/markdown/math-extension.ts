/**
 * Marked extensions that keep LaTeX math away from markdown parsing:
 * $…$ and \(…\) inline, $$…$$ and \[…\] as display math (own block or inline).
 * Each becomes a placeholder holding the escaped TeX source; the view typesets
 * it later, so math shows as readable source until then.
 */
import type { MarkedExtension, Tokens } from 'marked';
import { escapeHtml } from './safe-url';

interface MathToken extends Tokens.Generic {
  type: 'mathBlock' | 'mathInline';
  text: string;
  display: boolean;
}

const BLOCK_RULES = [/^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/, /^ {0,3}\\\[([\s\S]+?)\\\][ \t]*(?:\n+|$)/];

const INLINE_RULES: Array<[RegExp, boolean]> = [
  [/^\$\$(?!\$)([\s\S]+?)\$\$/, true],
  [/^\\\[([\s\S]+?)\\\]/, true],
  [/^\\\(([\s\S]+?)\\\)/, false],
  // Pandoc's rule, so prices ("$5 and $10") stay text: no space inside the
  // dollars, no digit right after the closing one, one line only.
  [/^\$(?![\s$])((?:\\[\s\S]|[^\\$\n])+?)(?<!\s)\$(?!\d)/, false],
];

function mathToken(type: MathToken['type'], raw: string, tex: string, display: boolean): MathToken {
  return { type, raw, text: tex.trim(), display };
}

export function renderMathPlaceholder(tex: string, display: boolean, block: boolean): string {
  const tag = block ? 'div' : 'span';
  return `<${tag} class="${display ? 'math-display' : 'math-inline'}">${escapeHtml(tex)}</${tag}>`;
}

export const mathExtension: MarkedExtension = {
  extensions: [
    {
      name: 'mathBlock',
      level: 'block',
      start: (src) => src.match(/^ {0,3}(?:\$\$|\\\[)/m)?.index,
      tokenizer(src) {
        for (const rule of BLOCK_RULES) {
          const match = rule.exec(src);
          if (match) return mathToken('mathBlock', match[0], match[1]!, true);
        }
        return undefined;
      },
      renderer: (token) => renderMathPlaceholder(token.text as string, true, true),
    },
    {
      name: 'mathInline',
      level: 'inline',
      start: (src) => {
        const index = src.search(/\$|\\[[(]/);
        return index < 0 ? undefined : index;
      },
      tokenizer(src) {
        for (const [rule, display] of INLINE_RULES) {
          const match = rule.exec(src);
          if (match) return mathToken('mathInline', match[0], match[1]!, display);
        }
        return undefined;
      },
      renderer: (token) => renderMathPlaceholder(token.text as string, token.display as boolean, false),
    },
  ],
};
