/** Settings of the open conversation, or the defaults for a new one. */
import { conversationsRepo, type StoredConversation } from '../../db';
import { useSettingsStore } from '../../store/settings-store';
import { GenerationSettingsForm } from '../settings/GenerationSettingsForm';

export function ConversationSettingsPanel({ conversation }: { conversation: StoredConversation | null | undefined }) {
  const defaults = useSettingsStore((s) => s.defaults);
  const value = conversation?.settings ?? defaults;
  return (
    <details className="conversation-settings">
      <summary>{conversation ? 'Conversation settings' : 'Settings for new conversations'}</summary>
      <GenerationSettingsForm
        key={conversation?.id ?? 'defaults'}
        value={value}
        onChange={(next) => (conversation ? void conversationsRepo.updateSettings(conversation.id, next) : useSettingsStore.getState().setDefaults(next))}
      />
    </details>
  );
}
