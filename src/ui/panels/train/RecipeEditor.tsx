/**
 * "Add your own strategy": start from one of the six as it is set now, change its ingredients — network,
 * cap per user, weight exponent, schedule, per-user fine-tunes, monotone response, training options —
 * name it, and keep it. Each field is a plain control with its meaning; fields that do not apply to the
 * recipe are hidden. The store checks the draft and says why it refuses one.
 */
import { useId, useState } from 'react';
import { presetFields, RECIPE_FIELDS, type OwnDraft, type RecipeField } from '../../../store/own-strategies';
import type { OptionValue } from '../../../worker/protocol';
import { useLab } from '../../common/lab-store-context';
import { RecipeFieldControl } from './RecipeFieldControl';

const GROUPS = [
  ['ingredients', 'Ingredients'],
  ['schedule', 'Schedule'],
  ['per-user', 'Per-user models'],
  ['training', 'Training options'],
] as const;

interface Props {
  /** The strategy being edited; absent: a new one. */
  editing?: { id: string } & OwnDraft;
  onClose(): void;
}

export function RecipeEditor({ editing, onClose }: Props) {
  const catalog = useLab((s) => s.catalog);
  const settings = useLab((s) => s.strategies);
  const add = useLab((s) => s.addOwnStrategy);
  const update = useLab((s) => s.updateOwnStrategy);
  const fromPreset = (id: OwnDraft['from']): OwnDraft['fields'] => presetFields(id, settings[id]?.options);
  const first = catalog[0]?.id as OwnDraft['from'];
  const [draft, setDraft] = useState<OwnDraft>(
    () => editing ?? { label: '', from: first, fields: fromPreset(first) },
  );
  const [refusal, setRefusal] = useState<string>();
  const headingId = useId();
  const setField = (name: string, value: OptionValue) =>
    setDraft((d) => ({ ...d, fields: { ...d.fields, [name]: value } }));
  const shown = (f: RecipeField) => f.applies(draft.fields);

  const save = () => {
    const result = editing ? update(editing.id, draft) : add(draft);
    if (result.ok) onClose();
    else setRefusal(`This strategy cannot be kept: ${result.reason}.`);
  };

  return (
    <form
      className="recipe-editor"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <h3 id={headingId}>{editing ? `Edit ${editing.label}` : 'Add your own strategy'}</h3>
      <div className="row">
        {!editing && (
          <label className="field">
            Start from
            <select
              value={draft.from}
              onChange={(e) => {
                const from = e.target.value as OwnDraft['from'];
                setDraft((d) => ({ ...d, from, fields: fromPreset(from) }));
              }}
            >
              {catalog.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          Name
          <input
            type="text"
            value={draft.label}
            maxLength={80}
            placeholder="e.g. Softer weights, cap 100"
            onChange={(e) => setDraft((d) => ({ ...d, label: e.target.value }))}
          />
        </label>
      </div>
      <p className="hint">
        Starts as {catalog.find((m) => m.id === draft.from)?.label} is set now; change any ingredient.
      </p>
      {GROUPS.map(([group, title]) => (
        <fieldset key={group} className="options">
          <legend>{title}</legend>
          {RECIPE_FIELDS.filter((f) => f.group === group && shown(f)).map((f) => (
            <RecipeFieldControl
              key={f.name}
              field={f}
              value={draft.fields[f.name] as OptionValue}
              onChange={(v) => setField(f.name, v)}
            />
          ))}
        </fieldset>
      ))}
      {refusal && (
        <p className="alert__refusal" aria-live="polite">
          {refusal}
        </p>
      )}
      <div className="row">
        <button type="submit">{editing ? 'Save changes' : 'Add strategy'}</button>
        <button type="button" className="button--secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
