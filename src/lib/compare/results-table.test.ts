import { describe, expect, it } from 'vitest';
import { csvField, resultsToCsv, resultsToJson, resultsToMarkdown, type ResultsTable } from './results-table';

const table: ResultsTable = {
  title: 'Stories',
  variants: [
    { label: 'A', model: 'Tiny', template: '{input}' },
    { label: 'B | brief', model: 'Tiny', template: 'Briefly: {input}' },
  ],
  rows: [
    { question: 'Once upon a time', cells: [{ reply: ', there was a girl, "Lily".', score: 7, status: 'complete' }, { reply: 'Line one\nLine two', score: null, status: 'complete' }] },
    { question: '=HYPERLINK("http://x")', cells: [{ reply: '-1 apples', score: null, status: 'stopped' }, { reply: '@SUM(A1)', score: 10, status: 'complete' }] },
    { question: 'Plain', cells: [{ reply: 'a <b>tag</b> & pipe |', score: 1, status: 'error' }, { reply: '+done', score: null, status: 'complete' }] },
  ],
};

describe('results table exports', () => {
  it('writes a Markdown table with escaped pipes, line breaks and HTML', () => {
    const lines = resultsToMarkdown(table).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('| Question | A (Tiny) | B \\| brief (Tiny) |');
    expect(lines[1]).toBe('| --- | --- | --- |');
    expect(lines[2]).toBe('| Once upon a time | , there was a girl, "Lily". **7/10** | Line one<br>Line two |');
    expect(lines[3]).toBe('| =HYPERLINK("http://x") | -1 apples _(stopped)_ | @SUM(A1) **10/10** |');
    expect(lines[4]).toBe('| Plain | a &lt;b&gt;tag&lt;/b&gt; &amp; pipe \\| _(error)_ **1/10** | +done |');
  });

  it('writes RFC 4180 CSV with CRLF rows and quoted fields', () => {
    const csv = resultsToCsv(table);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = csv.slice(0, -2).split('\r\n');
    expect(rows[0]).toBe('Question,A,A score,B | brief,B | brief score');
    expect(rows[1]).toBe('Once upon a time,", there was a girl, ""Lily"".",7,"Line one\nLine two",');
    // The header and 3 rows: the LF inside a quoted field does not end a record.
    expect(rows).toHaveLength(4);
  });

  it('guards every text cell against formula injection', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=A1,"b"')).toBe(`"'=A1,""b"""`);
    expect(csvField('safe = text')).toBe('safe = text');
    expect(csvField(7)).toBe('7');
    expect(csvField(null)).toBe('');
    const row = resultsToCsv(table).split('\r\n')[2];
    expect(row).toBe(`"'=HYPERLINK(""http://x"")",'-1 apples,,'@SUM(A1),10`);
  });

  it('writes JSON with one result per variant per question', () => {
    const parsed = JSON.parse(resultsToJson(table));
    expect(parsed.title).toBe('Stories');
    expect(parsed.variants).toEqual(table.variants);
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rows[0]).toEqual({
      question: 'Once upon a time',
      results: [
        { variant: 'A', reply: ', there was a girl, "Lily".', score: 7, status: 'complete' },
        { variant: 'B | brief', reply: 'Line one\nLine two', score: null, status: 'complete' },
      ],
    });
  });
});
