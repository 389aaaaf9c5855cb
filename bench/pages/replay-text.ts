/** A long markdown reply (headings, lists, code blocks, tables, quotes) cut into token-sized pieces. */

const SECTIONS: ((n: number) => string)[] = [
  (n) => `## Step ${n}: set up the project\n\nFirst install the dependencies and check that **everything** builds. The \`build\` script runs the *type check* first, then bundles the app for production.\n\n`,
  (n) => `- Install Node ${18 + (n % 3)} or newer\n- Run \`npm ci\` in the project folder\n  - it reads the lock file\n  - versions stay exact\n- Start the development server with \`npm run dev\`\n\n`,
  (n) =>
    '```ts\n' +
    `export function total${n}(values: readonly number[]): number {\n  let sum = 0;\n  for (const value of values) sum += value;\n  return sum / Math.max(1, values.length);\n}\n` +
    '```\n\n',
  (n) => `| setting | default | what it changes |\n| --- | ---: | --- |\n| temperature | 0.7 | how adventurous the reply is |\n| top_p | 0.95 | which words are considered |\n| max_tokens | ${256 * n} | the longest reply |\n\n`,
  (n) => `1. Open the settings panel\n2. Pick the preset named "Precise ${n}"\n3. Press **Save** and send the question again\n\n> Settings apply to new replies only; earlier replies keep the settings they were written with.\n\n`,
  (n) =>
    '```python\n' +
    `def fibonacci_${n}(count):\n    a, b = 0, 1\n    for _ in range(count):\n        yield a\n        a, b = b, a + b\n` +
    '```\n\nThe generator above yields numbers lazily, so it never holds the whole sequence in memory.\n\n',
];

export function replayDocument(minChars: number): string {
  let text = '';
  for (let n = 0; text.length < minChars; n++) text += SECTIONS[n % SECTIONS.length]!(Math.floor(n / SECTIONS.length) + 1);
  return text;
}

/** About four characters a piece, with leading white space, like a tokenizer's pieces. */
export function replayTokens(count: number): string[] {
  const pieces = replayDocument(count * 6).match(/\s*[^\s]{1,4}|\s+/g) ?? [];
  return pieces.slice(0, count);
}
