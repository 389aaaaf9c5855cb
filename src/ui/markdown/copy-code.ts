/** The Copy button of a code block: copies its text and says so for a moment. */
const RESET_AFTER_MS = 2000;
const resets = new WeakMap<HTMLButtonElement, ReturnType<typeof setTimeout>>();

function show(button: HTMLButtonElement, text: string, label: string, state?: string): void {
  button.textContent = text;
  button.setAttribute('aria-label', label);
  if (state) button.dataset.state = state;
  else delete button.dataset.state;
}

export async function copyCodeBlock(button: HTMLButtonElement): Promise<void> {
  const code = button.closest('.code-block')?.querySelector('pre code')?.textContent ?? '';
  try {
    await navigator.clipboard.writeText(code);
    show(button, 'Copied', 'Code copied', 'copied');
  } catch {
    show(button, 'Copy failed', 'Copy failed: the browser did not allow it', 'failed');
  }
  clearTimeout(resets.get(button));
  resets.set(
    button,
    setTimeout(() => show(button, 'Copy', 'Copy code'), RESET_AFTER_MS),
  );
}
