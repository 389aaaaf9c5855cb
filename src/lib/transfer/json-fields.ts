/**
 * Path-aware readers for untrusted parsed JSON. Fields are read only when
 * they are the object's own (never inherited from a prototype), and nothing
 * here copies unknown keys anywhere.
 */
import { FieldProblem } from './transfer-error';
import { TRANSFER_LIMITS } from './transfer-limits';

export type JsonObject = Readonly<Record<string, unknown>>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `a.b`, `a["odd key"]`, `a[3]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path ? `${path}.${key}` : key;
  return entryPath(path, key);
}

/** `map["key"]`: for keys that are data (ids), not field names. */
export function entryPath(path: string, key: string): string {
  return `${path}[${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)}]`;
}

export function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new FieldProblem('invalid', path, `must be an object, not ${describeValue(value)}`);
  return value;
}

export function readArray(value: unknown, path: string, max: number): readonly unknown[] {
  if (!Array.isArray(value)) throw new FieldProblem('invalid', path, `must be a list, not ${describeValue(value)}`);
  if (value.length > max) throw new FieldProblem('too-large', path, `has ${value.length.toLocaleString('en')} entries; at most ${max.toLocaleString('en')} are allowed`);
  return value;
}

export function readString(value: unknown, path: string, maxChars: number = TRANSFER_LIMITS.maxShortChars): string {
  if (typeof value !== 'string') throw new FieldProblem('invalid', path, `must be a string, not ${describeValue(value)}`);
  if (value.length > maxChars) {
    throw new FieldProblem('too-large', path, `is ${value.length.toLocaleString('en')} characters long; at most ${maxChars.toLocaleString('en')} are allowed`);
  }
  return value;
}

export function readNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FieldProblem('invalid', path, `must be a number, not ${describeValue(value)}`);
  return value;
}

export function readOneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new FieldProblem('invalid', path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, not ${describeValue(value)}`);
  }
  return value as T;
}

const ID = /^[\w-]{1,200}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

export function readId(value: unknown, path: string): string {
  if (!isId(value)) throw new FieldProblem('invalid', path, `must be an id (1–200 letters, digits, "-" or "_"), not ${describeValue(value)}`);
  return value;
}

/** Rejects fields this version does not know, `__proto__` and `constructor` among them. */
export function onlyKnownKeys(obj: JsonObject, known: ReadonlySet<string>, path: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.has(key)) throw new FieldProblem('invalid', childPath(path, key), 'is not a field this version knows');
  }
}

/** Reads an optional own field: absent stays undefined, present must pass `read`. */
export function optional<T>(obj: JsonObject, key: string, path: string, read: (value: unknown, path: string) => T): T | undefined {
  return Object.hasOwn(obj, key) ? read(obj[key], childPath(path, key)) : undefined;
}

export function required<T>(obj: JsonObject, key: string, path: string, read: (value: unknown, path: string) => T): T {
  if (!Object.hasOwn(obj, key)) throw new FieldProblem('invalid', childPath(path, key), 'is missing');
  return read(obj[key], childPath(path, key));
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `the text "${value.slice(0, 40)}…"` : `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** A whole number from `min` to `max`; `range` says what the bounds mean when the value is outside them. */
export function readWholeNumber(value: unknown, path: string, min: number, max: number, range = `from ${min} to ${max}`): number {
  const n = readNumber(value, path);
  if (!Number.isInteger(n) || n < min || n > max) throw new FieldProblem('invalid', path, `must be a whole number ${range}, not ${n}`);
  return n;
}

/**
 * An object used as a lookup table whose keys are ids given elsewhere in the
 * file (never field names like `__proto__`): any other key is refused.
 */
export function readKeyedMap<T>(value: unknown, path: string, keys: ReadonlySet<string>, keyProblem: string, read: (value: unknown, path: string) => T): Record<string, T> {
  const obj = readObject(value, path);
  return Object.fromEntries(
    Object.keys(obj).map((key) => {
      if (!keys.has(key)) throw new FieldProblem('invalid', entryPath(path, key), keyProblem);
      return [key, read(obj[key], entryPath(path, key))];
    }),
  );
}
