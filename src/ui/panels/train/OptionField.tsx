/**
/**
 * One strategy option: a number, boolean or text input labelled by its human name, with its id (what links,
 * the report and the CLI use) as secondary text and its one-line meaning. What is typed is checked by the
 * store against the same rule as a shared link's value; a refused value stays in the field, marked invalid
 * with the reason, and never reaches the settings.
 */
import { useState } from 'react';
import type { OptionValue } from '../../../worker/protocol';
import { optionLabel } from '../../common/option-labels';

interface Props {
  strategyLabel: string;
  name: string;
  value: OptionValue;
  doc: string;
  disabled: boolean;
  /** Why the value typed last was refused; absent when it was applied. */
  error?: string;
  onChange(value: OptionValue): void;
  /** A number or text as typed, for the store to check and apply. */
  onText(text: string): void;
}

export function OptionField({ strategyLabel, name, value, doc, disabled, error, onChange, onText }: Props) {
  const id = `${strategyLabel}-${name}`.replace(/[^a-z0-9]+/gi, '-');
  // What is typed, while it differs from the applied value (a refused value stays visible to be fixed).
  const [draft, setDraft] = useState<string | undefined>(undefined);
  // A value set elsewhere (a preset, a reset) replaces the draft; one this draft typed keeps it ("1." stays).
  const [applied, setApplied] = useState(value);
  if (applied !== value) {
    setApplied(value);
    if (draft !== undefined && draft !== String(value) && Number(draft) !== value) setDraft(undefined);
  }
  const describedBy = error ? `${id}-error ${id}-key ${id}-doc` : `${id}-key ${id}-doc`;
  return (
    <div className="option">
      <span className="option__name">
        <label htmlFor={id}>{optionLabel(name)}</label>{' '}
        <code id={`${id}-key`} className="option__key">
          {name}
        </code>
      </span>
      {typeof value === 'boolean' ? (
        <input
          id={id}
          type="checkbox"
          checked={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={`${id}-key ${id}-doc`}
        />
      ) : typeof value === 'number' ? (
        <input
          id={id}
          type="number"
          value={draft ?? value}
          step="any"
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            // A number input reads '' for what it cannot parse: the rule then says "not a number".
            setDraft(e.target.value);
            onText(e.target.value);
          }}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={draft ?? value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            onText(e.target.value);
          }}
        />
      )}
      {error && (
        <span id={`${id}-error`} className="option__error">
          {optionLabel(name)} {error}: not applied.
        </span>
      )}
      <span id={`${id}-doc`} className="hint">
        {doc}
      </span>
    </div>
  );
}
