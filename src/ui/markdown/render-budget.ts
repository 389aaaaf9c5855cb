/**
 * One time budget for all the markdown rendered in a task. However many
 * messages render together (opening a conversation, a burst of streamed
 * text), blocks not rendered before get at most TASK_BUDGET_MS of the task;
 * the rest are finished in later tasks (see MarkdownView).
 */
const TASK_BUDGET_MS = 12;

let taskStarted: number | null = null;

/** Milliseconds of this task's budget left; the first call in a task starts it. */
export function remainingRenderBudget(now = performance.now()): number {
  if (taskStarted === null) {
    taskStarted = now;
    setTimeout(() => (taskStarted = null), 0);
  }
  return Math.max(0, TASK_BUDGET_MS - (now - taskStarted));
}
