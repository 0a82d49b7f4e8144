/**
 * What to sweep: the base (the six with the options set for them in step 3, or an own strategy), a
 * parameter with its doc and values typed "25,50,100" (a refusal in one line beside the field it
 * concerns), an optional second parameter for a grid, the repeats, Run sweep and Cancel sweep. Seed,
 * backend, workers and thresholds are step 3's.
 */
import { useMemo } from 'react';
import {
  checkSweepDraft,
  SUGGESTED_VALUES,
  sweepBases,
  sweepInputs,
  sweepParamChoices,
  type SweepDraft,
} from '../../../store/sweep-draft';
import { useLab } from '../../common/lab-store-context';

interface Props {
  draft: SweepDraft;
  onChange(draft: SweepDraft): void;
}

export function SweepForm({ draft, onChange }: Props) {
  const inputs = useLab(sweepInputs);
  const sweeping = useLab((s) => s.sweepRunId !== undefined);
  const training = useLab((s) => s.runId !== undefined);
  const hasData = useLab((s) => s.summary !== undefined);
  const runSweep = useLab((s) => s.runSweep);
  const cancelSweep = useLab((s) => s.cancelSweep);
  const bases = useMemo(() => sweepBases(inputs), [inputs]);
  const params = useMemo(() => sweepParamChoices(inputs, draft.base), [inputs, draft.base]);
  const checked = useMemo(() => checkSweepDraft(inputs, draft), [inputs, draft]);
  const refusal = (field: string) => (!checked.ok && checked.field === field ? checked.reason : undefined);
  const set = (change: Partial<SweepDraft>) => onChange({ ...draft, ...change });
  const pick = (key: 'param' | 'param2', name: string) =>
    set(
      key === 'param'
        ? { param: name, values: SUGGESTED_VALUES[name] ?? '' }
        : { param2: name, values2: SUGGESTED_VALUES[name] ?? '' },
    );
  const paramSelect = (key: 'param' | 'param2', label: string, optional: boolean) => {
    const chosen = params.find((p) => p.name === draft[key]);
    return (
      <div className="field sweep-form__param">
        <label htmlFor={`sweep-${key}`}>{label}</label>
        <select
          id={`sweep-${key}`}
          value={draft[key]}
          disabled={sweeping}
          aria-describedby={chosen ? `sweep-${key}-doc` : undefined}
          onChange={(e) => pick(key, e.target.value)}
        >
          {optional && <option value="">None</option>}
          {params.map((p) => (
            <option key={p.name} value={p.name}>
              {p.label}
              {p.applies ? '' : ' (no effect here)'}
            </option>
          ))}
        </select>
        {chosen && (
          <span id={`sweep-${key}-doc`} className="sweep-form__doc">
            <code>{chosen.name}</code> — {chosen.doc}
          </span>
        )}
      </div>
    );
  };
  const valuesField = (key: 'values' | 'values2', label: string) => {
    const reason = refusal(key);
    return (
      <div className="field sweep-form__values">
        <label htmlFor={`sweep-${key}`}>{label}</label>
        <input
          id={`sweep-${key}`}
          type="text"
          value={draft[key]}
          disabled={sweeping}
          spellCheck={false}
          aria-invalid={reason ? true : undefined}
          aria-describedby={reason ? `sweep-${key}-error` : undefined}
          onChange={(e) => set({ [key]: e.target.value })}
        />
        {reason && (
          <span id={`sweep-${key}-error`} className="field__error">
            {reason}
          </span>
        )}
      </div>
    );
  };
  return (
    <div className="sweep-form">
      <div className="row">
        <label className="field">
          Sweep from
          <select value={draft.base} disabled={sweeping} onChange={(e) => set({ base: e.target.value })}>
            {bases.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
          {refusal('base') && <span className="field__error">{refusal('base')}</span>}
        </label>
        <label className="field">
          Sweep repeats
          <input
            type="number"
            min={1}
            max={20}
            step={1}
            value={draft.repeats}
            disabled={sweeping}
            aria-invalid={refusal('repeats') ? true : undefined}
            onChange={(e) => set({ repeats: Number(e.target.value) })}
          />
          {refusal('repeats') && <span className="field__error">{refusal('repeats')}</span>}
        </label>
      </div>
      <div className="row">
        {paramSelect('param', 'Parameter', false)}
        {valuesField('values', 'Values')}
      </div>
      <div className="row">
        {paramSelect('param2', 'Second parameter (optional)', true)}
        {draft.param2 !== '' && valuesField('values2', 'Second values')}
      </div>
      <div className="row">
        <button
          type="button"
          disabled={sweeping || training || !hasData || !checked.ok}
          onClick={() => void runSweep(draft)}
        >
          Run sweep
        </button>
        <button type="button" className="button--secondary" disabled={!sweeping} onClick={cancelSweep}>
          Cancel sweep
        </button>
        <span className="hint">
          {checked.ok
            ? `${checked.points} point${checked.points === 1 ? '' : 's'} × ${draft.repeats} seed${draft.repeats === 1 ? '' : 's'} = ${checked.points * draft.repeats} runs, seeds from ${inputs.seed}`
            : ''}
          {training ? ' · waits until training ends' : ''}
        </span>
      </div>
    </div>
  );
}
