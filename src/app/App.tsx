import { lazy, Suspense } from 'react';
import { ChatView } from '../features/chat/ChatView';
import { ConversationList } from '../features/conversations/ConversationList';
import { DeviceSummary } from '../features/models/DeviceSummary';
import { ModelPanel } from '../features/models/ModelPanel';
import { useModelCatalog } from '../features/models/use-model-catalog';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { TransferPanel } from '../features/transfer/TransferPanel';
import { useSessionStore } from '../store/session-store';
import { useSettingsStore } from '../store/settings-store';
import { useShortcuts } from './use-shortcuts';
import { useTheme } from './use-theme';

// Views opened from the sidebar load on first use, keeping the startup bundle small.
const ModelManager = lazy(() => import('../features/models/ModelManager').then((m) => ({ default: m.ModelManager })));
const CompareWorkspace = lazy(() => import('../features/compare/CompareWorkspace').then((m) => ({ default: m.CompareWorkspace })));

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
          <Suspense fallback={<p className="hint view-loading">Opening the model manager…</p>}>
            <ModelManager catalog={catalog} />
          </Suspense>
        ) : view === 'compare' ? (
          <Suspense fallback={<p className="hint view-loading">Opening the comparison workspace…</p>}>
            <CompareWorkspace catalog={catalog} />
          </Suspense>
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
