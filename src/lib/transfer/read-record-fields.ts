/** Readers for the parts conversations and comparisons share: settings, statistics, errors. */
import { decodeNumber, SETTINGS_FIELDS, STATS_FIELDS, type ExportedNumber, type TransferSettings, type TransferStats } from './export-format';
import { childPath, onlyKnownKeys, optional, readArray, readNumber, readObject, readString, required } from './json-fields';
import { TRANSFER_LIMITS } from './transfer-limits';

const SETTINGS_KEYS = new Set<string>(SETTINGS_FIELDS);
const STATS_KEYS = new Set<string>(STATS_FIELDS);
const ERROR_KEYS = new Set(['code', 'message']);

export function readSettings(raw: unknown, path: string): TransferSettings {
  const s = readObject(raw, path);
  onlyKnownKeys(s, SETTINGS_KEYS, path);
  const settings: TransferSettings = {
    systemPrompt: required(s, 'systemPrompt', path, (v, p) => readString(v, p, TRANSFER_LIMITS.maxMessageChars)),
    temperature: required(s, 'temperature', path, readNumber),
    topP: required(s, 'topP', path, readNumber),
    maxTokens: required(s, 'maxTokens', path, readNumber),
    repetitionPenalty: required(s, 'repetitionPenalty', path, readNumber),
    stop: required(s, 'stop', path, (v, p) => readArray(v, p, 100).map((x, i) => readString(x, childPath(p, i)))),
  };
  const seed = optional(s, 'seed', path, readNumber);
  return seed === undefined ? settings : { ...settings, seed };
}

export function readStats(raw: unknown, path: string): TransferStats {
  const s = readObject(raw, path);
  onlyKnownKeys(s, STATS_KEYS, path);
  const entries = STATS_FIELDS.map((key) => [key, decodeNumber(required(s, key, path, readExportedNumber))] as const);
  return Object.fromEntries(entries) as unknown as TransferStats;
}

export function readErrorInfo(raw: unknown, path: string): { code: string; message: string } {
  const e = readObject(raw, path);
  onlyKnownKeys(e, ERROR_KEYS, path);
  return { code: required(e, 'code', path, (x, q) => readString(x, q)), message: required(e, 'message', path, (x, q) => readString(x, q)) };
}

function readExportedNumber(value: unknown, path: string): ExportedNumber {
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return value;
  return readNumber(value, path);
}

export function nullOr<T>(read: (value: unknown, path: string) => T) {
  return (value: unknown, path: string): T | null => (value === null ? null : read(value, path));
}
