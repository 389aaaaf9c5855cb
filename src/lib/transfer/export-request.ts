/**
 * "Export this conversation" asked from anywhere (the sidebar menu) and
 * answered by the transfer panel, without either importing the other.
 */

const requests = new EventTarget();
const EVENT = 'export-conversation';

export function requestConversationExport(conversationId: string): void {
  requests.dispatchEvent(new CustomEvent<string>(EVENT, { detail: conversationId }));
}

export function onConversationExportRequest(handler: (conversationId: string) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<string>).detail);
  requests.addEventListener(EVENT, listener);
  return () => requests.removeEventListener(EVENT, listener);
}
