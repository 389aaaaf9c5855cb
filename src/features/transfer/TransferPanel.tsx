/** "Export and import" in the sidebar: conversations out as files, files in as conversations. */
import { useEffect, useRef, useState } from 'react';
import { onConversationExportRequest } from '../../lib/transfer/export-request';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import './transfer.css';

export function TransferPanel() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(
    () =>
      onConversationExportRequest(() => {
        setOpen(true);
        requestAnimationFrame(() => {
          ref.current?.scrollIntoView({ block: 'nearest' });
          ref.current?.querySelector<HTMLSelectElement>('#export-format')?.focus();
        });
      }),
    [],
  );

  return (
    <details className="transfer" ref={ref} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Export and import</summary>
      <ExportSection />
      <ImportSection />
    </details>
  );
}
