/**
 * A standalone web page of conversations' shown branches that looks like the
 * chat. It holds no script and loads nothing: every text is escaped, the CSS
 * is inline, and its Content-Security-Policy forbids everything but that CSS.
 */
import type { ConversationWithMessages } from './export-format';
import { formatTime, messageNote, modelsOf, settingsLine, shownBranch } from './render-branch-text';

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
:root { color-scheme: light dark; --bg: #f7f7fb; --panel: #fff; --text: #1d1b26; --muted: #5f5b70; --border: #dcd9e6; --accent: #4b3fa8; --user-bg: #ece9fb; --error: #a4262c; }
@media (prefers-color-scheme: dark) { :root { --bg: #15141b; --panel: #1f1d27; --text: #ecebf2; --muted: #a9a5ba; --border: #363345; --accent: #8f84f0; --user-bg: #2b2742; --error: #ff8a8f; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
.conversation + .conversation { margin-top: 3rem; border-top: 1px solid var(--border); padding-top: 2rem; }
h1 { font-size: 1.3rem; margin: 0 0 0.5rem; color: var(--accent); overflow-wrap: anywhere; }
.facts { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.75rem; font-size: 0.85rem; color: var(--muted); margin: 0 0 0.5rem; }
.facts dt { font-weight: 600; } .facts dd { margin: 0; overflow-wrap: anywhere; }
details { font-size: 0.85rem; color: var(--muted); margin-bottom: 1rem; } summary { cursor: pointer; }
.messages { display: flex; flex-direction: column; gap: 0.75rem; }
.message { max-width: 820px; padding: 0.6rem 0.9rem; border-radius: 12px; background: var(--panel); border: 1px solid var(--border); align-self: flex-start; }
.message-user { align-self: flex-end; background: var(--user-bg); border-color: transparent; }
.role { font-size: 0.75rem; font-weight: 600; color: var(--muted); }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font: inherit; }
.note { font-size: 0.8rem; color: var(--muted); margin: 0.4rem 0 0; } .note-error { color: var(--error); }
`;

function conversationSection(c: ConversationWithMessages): string {
  const branch = shownBranch(c);
  const conv = c.conversation;
  const facts: [string, string][] = [
    ['Model', modelsOf(c, branch)],
    ['Started', formatTime(conv.createdAt)],
    ['Last updated', formatTime(conv.updatedAt)],
    ['Settings', settingsLine(conv.settings)],
  ];
  if (conv.tags.length) facts.push(['Tags', conv.tags.join(', ')]);
  const factList = facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const system = conv.settings.systemPrompt.trim()
    ? `<details><summary>System prompt</summary><pre class="text">${escapeHtml(conv.settings.systemPrompt)}</pre></details>`
    : '';
  const messages = branch
    .map((m) => {
      const note = messageNote(m);
      const model = m.role === 'assistant' && (m.modelName ?? m.modelId) ? ` · ${m.modelName ?? m.modelId}` : '';
      const role = `${m.role === 'user' ? 'You' : 'Assistant'}${model} · ${formatTime(m.createdAt)}`;
      const noteHtml = note ? `<p class="note${m.status === 'error' ? ' note-error' : ''}">${escapeHtml(note)}</p>` : '';
      return `<div class="message message-${m.role}"><div class="role">${escapeHtml(role)}</div><pre class="text">${escapeHtml(m.content)}</pre>${noteHtml}</div>`;
    })
    .join('\n');
  return `<article class="conversation"><header><h1>${escapeHtml(conv.title || 'Untitled')}</h1><dl class="facts">${factList}</dl>${system}</header>\n<section class="messages">\n${messages}\n</section></article>`;
}

export function conversationsPage(list: readonly ConversationWithMessages[]): string {
  const title = list.length === 1 ? list[0]!.conversation.title || 'Untitled' : `WizardVicuna Chat: ${list.length} conversations`;
  return [
    '<!doctype html>',
    '<html lang="en"><head>',
    '<meta charset="utf-8">',
    // A constant without double quotes: written as is.
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body><main>',
    ...list.map(conversationSection),
    '</main></body></html>',
    '',
  ].join('\n');
}
