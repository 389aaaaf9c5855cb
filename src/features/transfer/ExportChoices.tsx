/** The export picker: a checkbox per conversation and, when there are any, per saved comparison. */

interface Item {
  id: string;
  title: string;
}

interface Props {
  conversations: readonly Item[];
  comparisons: readonly Item[];
  chosen: ReadonlySet<string>;
  chosenComparisons: ReadonlySet<string>;
  onChange(chosen: ReadonlySet<string>, chosenComparisons: ReadonlySet<string>): void;
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function ChoiceList({ legend, hidden, items, chosen, onToggle }: { legend: string; hidden: boolean; items: readonly Item[]; chosen: ReadonlySet<string>; onToggle(id: string, on: boolean): void }) {
  return (
    <fieldset>
      <legend className={hidden ? 'visually-hidden' : undefined}>{legend}</legend>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <label>
              <input type="checkbox" checked={chosen.has(item.id)} onChange={(e) => onToggle(item.id, e.target.checked)} /> {item.title}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function ExportChoices({ conversations, comparisons, chosen, chosenComparisons, onChange }: Props) {
  const both = comparisons.length > 0;
  const everything = () => onChange(new Set(conversations.map((c) => c.id)), new Set(comparisons.map((c) => c.id)));
  return (
    <div className="transfer-choices">
      <div className="transfer-choice-actions">
        <button type="button" className="text-button" onClick={everything}>All</button>
        <button type="button" className="text-button" onClick={() => onChange(new Set(), new Set())}>None</button>
      </div>
      <ChoiceList
        legend={both ? 'Conversations' : 'Conversations to export'}
        hidden={!both}
        items={conversations}
        chosen={chosen}
        onToggle={(id, on) => onChange(toggled(chosen, id, on), chosenComparisons)}
      />
      {both && (
        <ChoiceList
          legend="Comparisons"
          hidden={false}
          items={comparisons}
          chosen={chosenComparisons}
          onToggle={(id, on) => onChange(chosen, toggled(chosenComparisons, id, on))}
        />
      )}
    </div>
  );
}
