/** How much one import may hold; checked before anything is written. */

const MB = 1024 * 1024;

export const TRANSFER_LIMITS = {
  /** A JSON file, or one conversations file inside a zip, once unpacked. */
  maxJsonBytes: 200 * MB,
  /** A ChatGPT .zip as downloaded (streamed: only its conversations files are unpacked). */
  maxZipBytes: 1024 * MB,
  /** All conversations files of one zip, unpacked. */
  maxUnzippedBytes: 400 * MB,
  /** Unpacked bytes per packed byte of a zip entry; real JSON packs 5–20 to 1, zip bombs 1000 to 1. */
  maxZipRatio: 100,
  maxConversations: 20_000,
  maxMessages: 100_000,
  /** Characters of one message (about 1 MB of text); also the system prompt. */
  maxMessageChars: 1_000_000,
  /** Messages on one branch, from the first to the last. */
  maxDepth: 10_000,
  /** Titles, model names, tags, error texts and other short fields. */
  maxShortChars: 10_000,
  maxTags: 100,
  maxComparisons: 5_000,
  /** Columns of one comparison: the Compare workspace has two to four. */
  minComparisonColumns: 2,
  maxComparisonColumns: 4,
  /** Shared inputs of one comparison; each column's thread has at most one turn per input. */
  maxComparisonRounds: 10_000,
  maxComparisonQuestions: 10_000,
  maxComparisonVotes: 100_000,
} as const;

/** The limits in the words the import panel shows. */
export function describeLimits(): string {
  const l = TRANSFER_LIMITS;
  return (
    `Up to ${l.maxJsonBytes / MB} MB a file (a ChatGPT .zip up to ${l.maxZipBytes / MB / 1024} GB), ` +
    `${l.maxMessages.toLocaleString('en')} messages, ${l.maxConversations.toLocaleString('en')} conversations and ${l.maxComparisons.toLocaleString('en')} comparisons an import, ` +
    `${l.maxMessageChars.toLocaleString('en')} characters a message, ${l.maxDepth.toLocaleString('en')} messages on one branch.`
  );
}
