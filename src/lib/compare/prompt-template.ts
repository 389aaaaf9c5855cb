/**
 * Prompt templates around a shared input: "Answer briefly: {input}". The
 * only placeholder is {input}; any other {name} is a typo and is refused.
 */

export const INPUT_PLACEHOLDER = '{input}';
export const MAX_TEMPLATE_CHARS = 8000;

export type TemplateErrorCode = 'missing-input' | 'unknown-placeholder' | 'too-long';

export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** The problem with a template, or null when it can be used. */
export function templateProblem(template: string): TemplateError | null {
  if (template.length > MAX_TEMPLATE_CHARS) {
    return new TemplateError('too-long', `The template is too long (${template.length} characters; at most ${MAX_TEMPLATE_CHARS}).`);
  }
  const unknown = [...template.matchAll(/\{([A-Za-z_][\w-]*)\}/g)].map((m) => m[0]).filter((p) => p !== INPUT_PLACEHOLDER);
  if (unknown.length) {
    return new TemplateError('unknown-placeholder', `The template has ${unknown[0]}, which is not filled in. Use ${INPUT_PLACEHOLDER} where the input goes.`);
  }
  if (!template.includes(INPUT_PLACEHOLDER)) {
    return new TemplateError('missing-input', `The template needs ${INPUT_PLACEHOLDER} where the input goes, e.g. "Answer briefly: ${INPUT_PLACEHOLDER}".`);
  }
  return null;
}

/** Puts `input` wherever {input} appears; throws a TemplateError for a template that cannot be used. */
export function fillTemplate(template: string, input: string): string {
  const problem = templateProblem(template);
  if (problem) throw problem;
  return template.split(INPUT_PLACEHOLDER).join(input);
}
