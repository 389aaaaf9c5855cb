/** Every model the person can pick: WizardVicuna first, then custom, then web-llm's catalog. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import prebuilt from 'virtual:webllm-prebuilt';
import { customModelsRepo } from '../../db';
import { customModelRecord, otherMlcRecords, wizardVicunaGgufRecords, wizardVicunaMlcRecords, type ModelRecord } from '../../models/records';
import { useSettingsStore } from '../../store/settings-store';

const others = otherMlcRecords(prebuilt);
const ggufBuilds = wizardVicunaGgufRecords();

export function useModelCatalog(): ModelRecord[] {
  const weightsBase = useSettingsStore((s) => s.mlcWeightsBase);
  const custom = useLiveQuery(() => customModelsRepo.list(), [], []);
  return useMemo(
    () => [...wizardVicunaMlcRecords(weightsBase), ...ggufBuilds, ...custom.map((c) => customModelRecord(c)), ...others],
    [weightsBase, custom],
  );
}
