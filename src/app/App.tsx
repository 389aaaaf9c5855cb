import { ChatView } from '../features/chat/ChatView';
import { ConversationList } from '../features/conversations/ConversationList';
import { DeviceSummary } from '../features/models/DeviceSummary';
import { ModelPanel } from '../features/models/ModelPanel';
import { useModelCatalog } from '../features/models/use-model-catalog';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { useSettingsStore } from '../store/settings-store';
import { useShortcuts } from './use-shortcuts';
import { useTheme } from './use-theme';

export function App() {
  useTheme();
  useShortcuts();
  const catalog = useModelCatalog();
  const selectedId = useSettingsStore((s) => s.selectedModelId);
  const record = catalog.find((m) => m.id === selectedId) ?? catalog[0];
  return (
    <div className="layout">
      <aside className="layout-sidebar">
        <header className="brand">WizardVicuna Chat</header>
        <ConversationList />
        <SettingsPanel />
        <DeviceSummary />
      </aside>
      <main className="layout-main">
        <ModelPanel catalog={catalog} />
        <ChatView record={record} />
      </main>
    </div>
  );
}
