/**
 * One strategy option: a number, boolean or text input labelled by its human name, with its id (what links,
 * the report and the CLI use) as secondary text and its one-line meaning.
 */
import type { OptionValue } from '../../../worker/protocol';
import { optionLabel } from '../../common/option-labels';

interface Props {
  strategyLabel: string;
  name: string;
  value: OptionValue;
  doc: string;
  disabled: boolean;
  onChange(value: OptionValue): void;
}

export function OptionField({ strategyLabel, name, value, doc, disabled, onChange }: Props) {
  const id = `${strategyLabel}-${name}`.replace(/[^a-z0-9]+/gi, '-');
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
          value={value}
          step="any"
          disabled={disabled}
          aria-describedby={`${id}-key ${id}-doc`}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(n)) onChange(n);
          }}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          disabled={disabled}
          aria-describedby={`${id}-key ${id}-doc`}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <span id={`${id}-doc`} className="hint">
        {doc}
      </span>
    </div>
  );
}
