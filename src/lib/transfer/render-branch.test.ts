// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ConversationWithMessages } from './export-format';
import { exportFileName, slugify, type ExportScope } from './export-file-names';
import { conversationsPage, PAGE_CSP } from './render-branch-page';
import { conversationMarkdown, conversationText } from './render-branch-text';
import { handmadeConversation } from './transfer-test-support';

const HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> & \'quotes\' </pre></style>';

/** Two versions of the reply; the shown branch is the second, which stopped early. */
function sample(): ConversationWithMessages {
  const c = handmadeConversation('c', [null, 0, 0], 2);
  c.conversation.title = `Trip <b>plans</b>`;
  c.conversation.tags = ['travel'];
  c.conversation.settings = { ...c.conversation.settings, systemPrompt: 'Be brief.\nUse metric units.', seed: 7 };
  c.messages[0]!.content = `Plan a trip ${HOSTILE}`;
  c.messages[1]!.content = 'HIDDEN BRANCH';
  Object.assign(c.messages[2]!, { role: 'assistant', content: 'Go to **Rome**.', status: 'stopped', finishReason: 'abort', modelName: 'WizardVicuna 7B' });
  return c;
}

describe('shown-branch exports', () => {
  it('writes Markdown with a header and only the shown branch', () => {
    const md = conversationMarkdown(sample());
    expect(md).toContain('# Trip <b>plans</b>');
    expect(md).toContain('- **Model:** WizardVicuna 7B');
    expect(md).toContain('- **Started:** 2023-11-14 22:13 UTC');
    expect(md).toContain('- **Settings:** temperature 0.7, top-p 0.95, up to 512 tokens, repetition penalty 1, seed 7');
    expect(md).toContain('- **System prompt:**\n\n> Be brief.\n> Use metric units.');
    expect(md).toContain('**Assistant** (WizardVicuna 7B) · 2023-11-14 22:13 UTC · _stopped_\n\nGo to **Rome**.');
    expect(md).not.toContain('HIDDEN BRANCH');
    expect(md.indexOf('Plan a trip')).toBeLessThan(md.indexOf('Go to'));
  });

  it('writes plain text the same way', () => {
    const text = conversationText(sample());
    expect(text.split('\n').slice(0, 4)).toEqual(['Trip <b>plans</b>', 'Model: WizardVicuna 7B', 'Started: 2023-11-14 22:13 UTC; last updated: 2023-11-14 22:15 UTC', 'Settings: temperature 0.7, top-p 0.95, up to 512 tokens, repetition penalty 1, seed 7']);
    expect(text).toContain('Assistant (WizardVicuna 7B, 2023-11-14 22:13 UTC, stopped):\nGo to **Rome**.');
    expect(text).not.toContain('HIDDEN BRANCH');
  });

  it('writes a web page with no script, everything escaped, inline CSS only and a locked-down CSP', () => {
    const html = conversationsPage([sample()]);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('script, img, link, iframe, object, embed, [onerror], [onload], [src], [href]')).toHaveLength(0);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(PAGE_CSP);
    expect(PAGE_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.title).toBe('Trip <b>plans</b>');
    const texts = [...doc.querySelectorAll('.message .text')].map((n) => n.textContent);
    expect(texts).toEqual([`Plan a trip ${HOSTILE}`, 'Go to **Rome**.']);
    expect([...doc.querySelectorAll('.message')].map((n) => n.className)).toEqual(['message message-user', 'message message-assistant']);
    expect(doc.querySelector('details pre')!.textContent).toBe('Be brief.\nUse metric units.');
    expect(html).not.toMatch(/<script/i);
  });

  it('names files by title and date', () => {
    const now = new Date(2026, 10, 24, 9, 30);
    expect(slugify('  My Title: déjà vu — ünïcode!  ')).toBe('my-title-deja-vu-unicode');
    expect(slugify('旅行の計画')).toBe('旅行の計画');
    expect(slugify('!!!')).toBe('conversation');
    expect(exportFileName({ scope: { kind: 'ids', ids: ['a'] }, titles: ['My title'] }, 'json', now)).toBe('wizardvicuna-2026-11-24-my-title.json');
    expect(exportFileName({ scope: { kind: 'ids', ids: ['a', 'b'] }, titles: ['A', 'B'] }, 'markdown', now)).toBe('wizardvicuna-2026-11-24-2-conversations.md');
    expect(exportFileName({ scope: { kind: 'all' }, titles: [] }, 'json', now)).toBe('wizardvicuna-library-2026-11-24.json');
    expect(exportFileName({ scope: { kind: 'all' }, titles: [] }, 'html', now)).toBe('wizardvicuna-library-2026-11-24.html');
    expect(exportFileName({ scope: { kind: 'ids', ids: ['a'] }, titles: ['x'.repeat(200)] }, 'text', now)).toBe(`wizardvicuna-2026-11-24-${'x'.repeat(60)}.txt`);
    const chosen: ExportScope = { kind: 'ids', ids: ['a', 'b'], comparisonIds: ['k'] };
    expect(exportFileName({ scope: chosen, titles: [], comparisonTitles: ['Prompt test'] }, 'json', now)).toBe('wizardvicuna-2026-11-24-prompt-test.json');
    expect(exportFileName({ scope: chosen, titles: ['A', 'B'], comparisonTitles: ['K'] }, 'json', now)).toBe('wizardvicuna-2026-11-24-2-conversations-1-comparison.json');
    expect(exportFileName({ scope: chosen, titles: [], comparisonTitles: ['K', 'L'] }, 'json', now)).toBe('wizardvicuna-2026-11-24-2-comparisons.json');
  });
});
