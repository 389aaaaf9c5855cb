/**
 * Reads the `comparisons` section of our export, checking every field and
 * every reference to a column or an input; the first problem stops the
 * import, naming the file, the comparison and the field.
 */
import {
  COLUMN_FIELDS, COMPARISON_FIELDS, COMPARISONS_VERSION, PAIR_FIELDS, QUESTION_FIELDS, REPLY_FIELDS, REPLY_STATUSES, TURN_FIELDS, VERDICTS, VOTE_FIELDS,
  type TransferColumn, type TransferComparison, type TransferQuestion, type TransferReply, type TransferTurn, type TransferVote,
} from './comparison-format';
import { FINISH_REASONS } from './export-format';
import {
  childPath, describeValue, onlyKnownKeys, optional, own, readArray, readId, readKeyedMap, readNumber, readObject, readOneOf, readString, readWholeNumber, required,
  type JsonObject,
} from './json-fields';
import { nullOr, readErrorInfo, readSettings, readStats } from './read-record-fields';
import { FieldProblem, placeProblem } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

export interface ReadComparisons {
  comparisons: TransferComparison[];
  /** Items of a section version this app does not read (the reserved version 1, or a newer one). */
  leftOut: number;
}

type Read<T> = (value: unknown, path: string) => T;

const L = TRANSFER_LIMITS;
const SECTION_KEYS = new Set(['version', 'items']);
const COMPARISON_KEYS = new Set<string>(COMPARISON_FIELDS);
const COLUMN_KEYS = new Set<string>(COLUMN_FIELDS);
const REPLY_KEYS = new Set<string>(REPLY_FIELDS);
const TURN_KEYS = new Set<string>(TURN_FIELDS);
const VOTE_KEYS = new Set<string>(VOTE_FIELDS);
const QUESTION_KEYS = new Set<string>(QUESTION_FIELDS);
const PAIR_KEYS = new Set<string>(PAIR_FIELDS);
const NOT_A_COLUMN = "is not the id of one of this comparison's columns";

const shortText: Read<string> = (v, p) => readString(v, p);
const longText: Read<string> = (v, p) => readString(v, p, L.maxMessageChars);
const readScore: Read<number> = (v, p) => readWholeNumber(v, p, 1, 10);

export function readComparisonsSection(raw: unknown, fileName: string): ReadComparisons {
  let version: number;
  let items: readonly unknown[];
  try {
    const section = readObject(raw, 'comparisons');
    onlyKnownKeys(section, SECTION_KEYS, 'comparisons');
    version = required(section, 'version', 'comparisons', (v, p) => readWholeNumber(v, p, 1, Number.MAX_SAFE_INTEGER, 'from 1 up'));
    items = required(section, 'items', 'comparisons', (v, p) => readArray(v, p, L.maxComparisons));
  } catch (error) {
    throw placeProblem(error, fileName);
  }
  if (version !== COMPARISONS_VERSION) return { comparisons: [], leftOut: items.length };
  const comparisons = items.map((item, index) => {
    const title = typeof own(item as JsonObject, 'title') === 'string' ? (own(item as JsonObject, 'title') as string).slice(0, 60) : '';
    try {
      return readComparison(item);
    } catch (error) {
      throw placeProblem(error, `${fileName}: comparison ${index + 1}${title ? ` (${JSON.stringify(title)})` : ''}`);
    }
  });
  return { comparisons, leftOut: 0 };
}

function readComparison(raw: unknown): TransferComparison {
  const c = readObject(raw, '');
  onlyKnownKeys(c, COMPARISON_KEYS, '');
  const id = required(c, 'id', '', readId);
  const title = required(c, 'title', '', shortText);
  const createdAt = required(c, 'createdAt', '', readNumber);
  const updatedAt = required(c, 'updatedAt', '', readNumber);
  const columns = required(c, 'columns', '', readColumns);
  const columnIds = new Set(columns.map((col) => col.id));
  const column: Read<string> = (v, p) => {
    if (typeof v === 'string' && columnIds.has(v)) return v;
    throw new FieldProblem('invalid', p, `must be the id of one of this comparison's columns, not ${describeValue(v)}`);
  };
  const inputs = required(c, 'inputs', '', (v, p) => readArray(v, p, L.maxComparisonRounds).map((x, i) => longText(x, childPath(p, i))));
  const round: Read<number> = (v, p) => {
    if (!inputs.length) throw new FieldProblem('invalid', p, `refers to an input (${describeValue(v)}), but inputs is empty`);
    return readWholeNumber(v, p, 0, inputs.length - 1, `from 0 to ${inputs.length - 1} (the position of one of the inputs)`);
  };
  const threads = required(c, 'threads', '', (v, p) =>
    readKeyedMap(v, p, columnIds, NOT_A_COLUMN, (t, q) => readArray(t, q, L.maxComparisonRounds).map((x, i) => readTurn(x, childPath(q, i), round))),
  );
  const questions = required(c, 'questions', '', (v, p) => readArray(v, p, L.maxComparisonQuestions).map((x, i) => readQuestion(x, childPath(p, i), columnIds)));
  const votes = required(c, 'votes', '', (v, p) => readArray(v, p, L.maxComparisonVotes).map((x, i) => readVote(x, childPath(p, i), round, column)));
  const notes = required(c, 'notes', '', longText);
  const pair = required(c, 'pair', '', nullOr((v, p) => {
    const o = readObject(v, p);
    onlyKnownKeys(o, PAIR_KEYS, p);
    return { a: required(o, 'a', p, column), b: required(o, 'b', p, column) };
  }));
  return { id, title, createdAt, updatedAt, columns, inputs, threads, questions, votes, notes, pair };
}

function readColumns(value: unknown, path: string): TransferColumn[] {
  const list = readArray(value, path, L.maxComparisonColumns);
  if (list.length < L.minComparisonColumns) {
    throw new FieldProblem('invalid', path, `has ${list.length} ${list.length === 1 ? 'entry' : 'entries'}; a comparison has at least ${L.minComparisonColumns} columns`);
  }
  const indexOf = new Map<string, number>();
  return list.map((raw, i) => {
    const at = childPath(path, i);
    const c = readObject(raw, at);
    onlyKnownKeys(c, COLUMN_KEYS, at);
    const id = required(c, 'id', at, readColumnId);
    if (indexOf.has(id)) throw new FieldProblem('duplicate-id', `${at}.id`, `repeats ${JSON.stringify(id)}, already used by ${childPath(path, indexOf.get(id)!)}`);
    indexOf.set(id, i);
    return {
      id,
      label: required(c, 'label', at, shortText),
      modelId: required(c, 'modelId', at, nullOr(shortText)),
      template: required(c, 'template', at, longText),
      settings: required(c, 'settings', at, readSettings),
    };
  });
}

/** Column ids are keys of the threads and replies tables, so names every object has are refused. */
function readColumnId(value: unknown, path: string): string {
  const id = readId(value, path);
  if (id in Object.prototype) throw new FieldProblem('invalid', path, `cannot be ${JSON.stringify(id)}`);
  return id;
}

function readTurn(raw: unknown, path: string, round: Read<number>): TransferTurn {
  const t = readObject(raw, path);
  onlyKnownKeys(t, TURN_KEYS, path);
  const turn: TransferTurn = {
    round: required(t, 'round', path, round),
    input: required(t, 'input', path, longText),
    prompt: required(t, 'prompt', path, longText),
    reply: required(t, 'reply', path, nullOr(readReply)),
  };
  const score = optional(t, 'score', path, readScore);
  if (score !== undefined) turn.score = score;
  return turn;
}

function readReply(raw: unknown, path: string): TransferReply {
  const r = readObject(raw, path);
  onlyKnownKeys(r, REPLY_KEYS, path);
  const reply: TransferReply = {
    content: required(r, 'content', path, longText),
    status: required(r, 'status', path, (v, p) => readOneOf(v, p, REPLY_STATUSES)),
    modelId: required(r, 'modelId', path, nullOr(shortText)),
  };
  const finishReason = optional(r, 'finishReason', path, (v, p) => readOneOf(v, p, FINISH_REASONS));
  if (finishReason) reply.finishReason = finishReason;
  const stats = optional(r, 'stats', path, readStats);
  if (stats) reply.stats = stats;
  const error = optional(r, 'error', path, readErrorInfo);
  if (error) reply.error = error;
  const modelName = optional(r, 'modelName', path, shortText);
  if (modelName !== undefined) reply.modelName = modelName;
  const dropped = optional(r, 'droppedMessages', path, readNumber);
  if (dropped !== undefined) reply.droppedMessages = dropped;
  return reply;
}

function readQuestion(raw: unknown, path: string, columnIds: ReadonlySet<string>): TransferQuestion {
  const q = readObject(raw, path);
  onlyKnownKeys(q, QUESTION_KEYS, path);
  return {
    question: required(q, 'question', path, longText),
    replies: required(q, 'replies', path, (v, p) => readKeyedMap(v, p, columnIds, NOT_A_COLUMN, readReply)),
    scores: required(q, 'scores', path, (v, p) => readKeyedMap(v, p, columnIds, NOT_A_COLUMN, readScore)),
  };
}

function readVote(raw: unknown, path: string, round: Read<number>, column: Read<string>): TransferVote {
  const v = readObject(raw, path);
  onlyKnownKeys(v, VOTE_KEYS, path);
  return {
    round: required(v, 'round', path, round),
    a: required(v, 'a', path, column),
    b: required(v, 'b', path, column),
    verdict: required(v, 'verdict', path, (x, p) => readOneOf(x, p, VERDICTS)),
  };
}
