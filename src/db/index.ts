/** The repositories over the app's one database. */
import { db } from './database';
import { createConversationsRepo } from './conversations-repo';
import { createCustomModelsRepo } from './custom-models-repo';
import { createMessagesRepo } from './messages-repo';

export const conversationsRepo = createConversationsRepo(db);
export const messagesRepo = createMessagesRepo(db);
export const customModelsRepo = createCustomModelsRepo(db);
export { db };
export type * from './records';
