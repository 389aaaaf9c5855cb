import { describe, expect, it } from 'vitest';
import { fillTemplate, MAX_TEMPLATE_CHARS, TemplateError, templateProblem } from './prompt-template';

describe('prompt templates', () => {
  it('fills every {input} with the input, literally', () => {
    expect(fillTemplate('{input}', 'Once upon a time')).toBe('Once upon a time');
    expect(fillTemplate('Answer briefly: {input}', 'Why?')).toBe('Answer briefly: Why?');
    expect(fillTemplate('{input} / {input}', 'x')).toBe('x / x');
    // $& and $1 mean nothing special here.
    expect(fillTemplate('Q: {input}', 'costs $& and $1')).toBe('Q: costs $& and $1');
  });

  it('keeps braces that are not placeholders', () => {
    expect(fillTemplate('Reply as JSON like {"a": 1}: {input}', 'hi')).toBe('Reply as JSON like {"a": 1}: hi');
  });

  it('refuses a template without {input}', () => {
    expect(templateProblem('Answer briefly')?.code).toBe('missing-input');
    expect(() => fillTemplate('', 'x')).toThrow(TemplateError);
  });

  it('refuses unknown placeholders, such as a misspelt {input}', () => {
    const problem = templateProblem('Answer {Input} now {input}');
    expect(problem?.code).toBe('unknown-placeholder');
    expect(problem?.message).toContain('{Input}');
  });

  it('refuses templates that are too long', () => {
    expect(templateProblem(`{input}${'x'.repeat(MAX_TEMPLATE_CHARS)}`)?.code).toBe('too-long');
    expect(templateProblem('{input}')).toBeNull();
  });
});
