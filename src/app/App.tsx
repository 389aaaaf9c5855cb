import { ChatView } from '../features/chat/ChatView';
import { CompareWorkspace } from '../features/compare/CompareWorkspace';
import { ConversationList } from '../features/conversations/ConversationList';
import { DeviceSummary } from '../features/models/DeviceSummary';
import { ModelManager } from '../features/models/ModelManager';
import { ModelPanel } from '../features/models/ModelPanel';
import { useModelCatalog } from '../features/models/use-model-catalog';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { TransferPanel } from '../features/transfer/TransferPanel';
import { useSessionStore } from '../store/session-store';
import { useSettingsStore } from '../store/settings-store';
import { useShortcuts } from './use-shortcuts';
import { useTheme } from './use-theme';

export function App() {
  useTheme();
  useShortcuts();
  const catalog = useModelCatalog();
  const selectedId = useSettingsStore((s) => s.selectedModelId);
  const record = catalog.find((m) => m.id === selectedId) ?? catalog[0];
  const view = useSessionStore((s) => s.view);
  return (
    <div className="layout">
      <aside className="layout-sidebar">
        <header className="brand">WizardVicuna Chat</header>
        <ConversationList />
        <button type="button" className="manage-models" aria-pressed={view === 'models'} onClick={() => useSessionStore.getState().setView(view === 'models' ? 'chat' : 'models')}>
          {view === 'models' ? 'Back to chat' : 'Manage models'}
        </button>
        <button type="button" className="manage-models" aria-pressed={view === 'compare'} onClick={() => useSessionStore.getState().setView(view === 'compare' ? 'chat' : 'compare')}>
          {view === 'compare' ? 'Back to chat' : 'Compare'}
        </button>
        <SettingsPanel />
        <TransferPanel />
        <DeviceSummary />
      </aside>
      <main className="layout-main">
        {view === 'models' ? (
          <ModelManager catalog={catalog} />
        ) : view === 'compare' ? (
          <CompareWorkspace catalog={catalog} />
        ) : (
          <>
            <ModelPanel catalog={catalog} />
            <ChatView record={record} />
          </>
        )}
      </main>
    </div>
  );
}
