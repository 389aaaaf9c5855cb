/** A set of questions: pasted one per line, or read from a .txt (one per line) or .json (array of strings) file. */

export const MAX_QUESTIONS = 200;
export const MAX_QUESTION_CHARS = 4000;

export type QuestionListErrorCode = 'empty' | 'too-many' | 'too-long' | 'invalid-json' | 'not-a-list' | 'unsupported-file';

export class QuestionListError extends Error {
  constructor(
    readonly code: QuestionListErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QuestionListError';
  }
}

function checked(questions: string[]): string[] {
  if (!questions.length) throw new QuestionListError('empty', 'There are no questions: write one per line.');
  if (questions.length > MAX_QUESTIONS) throw new QuestionListError('too-many', `That is ${questions.length} questions; a set holds at most ${MAX_QUESTIONS}.`);
  const long = questions.findIndex((q) => q.length > MAX_QUESTION_CHARS);
  if (long >= 0) throw new QuestionListError('too-long', `Question ${long + 1} is longer than ${MAX_QUESTION_CHARS} characters.`);
  return questions;
}

/** One question per non-empty line, trimmed. */
export function questionsFromLines(text: string): string[] {
  return checked(text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean));
}

/** A JSON array of strings (empty strings are skipped). */
export function questionsFromJson(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new QuestionListError('invalid-json', 'The file is not valid JSON. It should be an array of strings, e.g. ["First question", "Second question"].');
  }
  if (!Array.isArray(value) || value.some((q) => typeof q !== 'string')) {
    throw new QuestionListError('not-a-list', 'The JSON file should be an array of strings, e.g. ["First question", "Second question"].');
  }
  return checked((value as string[]).map((q) => q.trim()).filter(Boolean));
}

export function questionsFromFile(fileName: string, text: string): string[] {
  if (/\.json$/i.test(fileName)) return questionsFromJson(text);
  if (/\.txt$/i.test(fileName)) return questionsFromLines(text.replace(/^\uFEFF/, ''));
  throw new QuestionListError('unsupported-file', `"${fileName}" is neither a .txt nor a .json file.`);
}
