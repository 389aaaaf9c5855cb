/** GGUF models the person added by URL. */
import type { ChatDatabase } from './database';
import type { StoredCustomModel } from './records';

export function createCustomModelsRepo(db: ChatDatabase) {
  return {
    list: () => db.customModels.orderBy('createdAt').toArray(),
    async add(model: Omit<StoredCustomModel, 'id' | 'createdAt'>): Promise<StoredCustomModel> {
      const stored: StoredCustomModel = { ...model, id: `custom:${crypto.randomUUID()}`, createdAt: Date.now() };
      await db.customModels.add(stored);
      return stored;
    },
    remove: (id: string) => db.customModels.delete(id),
  };
}
