/** The repositories over the app's one database. */
import { db } from './database';
import { createComparisonsRepo } from './comparisons-repo';
import { createConversationsRepo } from './conversations-repo';
import { createCustomModelsRepo } from './custom-models-repo';
import { createMessagesRepo } from './messages-repo';
import { createSearchRepo } from './search-repo';

export const conversationsRepo = createConversationsRepo(db);
export const messagesRepo = createMessagesRepo(db);
export const customModelsRepo = createCustomModelsRepo(db);
export const searchRepo = createSearchRepo(db);
export const comparisonsRepo = createComparisonsRepo(db);
export { ComparisonsRepoError } from './comparisons-repo';
export type { SearchHit } from './search-repo';
export type { DeletedConversation } from './conversations-repo';
export { db };
export type * from './records';
export { createTransferRepo, type TransferRepo } from './transfer-repo';
