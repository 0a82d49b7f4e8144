/** One recipe field as a plain control — a choice, a cap (none or a number), a number or a switch — with its meaning. */
import { useId } from 'react';
import type { RecipeField } from '../../../store/own-strategies';
import type { OptionValue } from '../../../worker/protocol';

interface Props {
  field: RecipeField;
  value: OptionValue;
  onChange(value: OptionValue): void;
}

export function RecipeFieldControl({ field, value, onChange }: Props) {
  const id = useId();
  const docId = `${id}-doc`;
  const { input } = field;
  const number = (text: string, apply: (n: number) => void) => {
    const n = Number(text);
    if (text !== '' && Number.isFinite(n)) apply(n);
  };
  let control;
  if (input.kind === 'choice') {
    control = (
      <select
        id={id}
        value={String(value)}
        aria-describedby={docId}
        onChange={(e) => onChange(e.target.value)}
      >
        {input.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  } else if (input.kind === 'boolean') {
    control = (
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        aria-describedby={docId}
        onChange={(e) => onChange(e.target.checked)}
      />
    );
  } else if (input.kind === 'cap') {
    const capped = value !== 'none';
    control = (
      <span className="cap-control">
        <select
          id={id}
          value={capped ? 'cap' : 'none'}
          aria-describedby={docId}
          onChange={(e) => onChange(e.target.value === 'none' ? 'none' : 150)}
        >
          <option value="none">no cap: every task</option>
          <option value="cap">the most recent tasks per user</option>
        </select>
        {capped && (
          <input
            type="number"
            aria-label={`${field.label}: tasks kept`}
            min={1}
            max={input.max}
            step={1}
            value={Number(value)}
            onChange={(e) => number(e.target.value, onChange)}
          />
        )}
      </span>
    );
  } else {
    control = (
      <input
        id={id}
        type="number"
        aria-describedby={docId}
        min={input.min}
        max={input.max}
        step={input.integer ? 1 : 'any'}
        value={Number(value)}
        onChange={(e) => number(e.target.value, onChange)}
      />
    );
  }
  return (
    <div className="option">
      <label htmlFor={id}>{field.label}</label>
      {control}
      <span id={docId} className="hint">
        {field.doc}
      </span>
    </div>
  );
}
