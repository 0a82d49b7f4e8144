/**
 * The presets as a group of toggle buttons: Lab default, Design note, Quick. The one every strategy's
 * options match now is pressed and marked; after a hand edit none is.
 */
import { activePreset } from '../../../store/active-preset';
import type { Preset } from '../../../store/settings-slice';
import { useLab } from '../../common/lab-store-context';

const PRESET_LABELS: readonly { preset: Preset; label: string; hint: string }[] = [
  { preset: 'lab', label: 'Lab default', hint: "the design note's settings, bigger batches on big files" },
  {
    preset: 'seed-faithful',
    label: 'Design note',
    hint: 'batch 32 and every epoch, as the design note trains',
  },
  { preset: 'quick', label: 'Quick (epochs ÷ 10)', hint: 'a tenth of the epochs: a first look in seconds' },
];

/** A preset's name as the buttons show it ("Lab default"); an unknown id as itself. */
export function presetName(id: string): string {
  return PRESET_LABELS.find((p) => p.preset === id)?.label ?? id;
}

export function PresetButtons() {
  const running = useLab((s) => s.runId !== undefined);
  const applyPreset = useLab((s) => s.applyPreset);
  const active = useLab((s) => activePreset(s.catalog, s.strategies));
  return (
    <div className="presets" role="group" aria-label="Presets">
      <span className="presets__title">Presets:</span>
      {PRESET_LABELS.map(({ preset, label, hint }) => (
        <button
          key={preset}
          type="button"
          title={hint}
          aria-pressed={active === preset}
          className={`button--small button--secondary preset${active === preset ? ' preset--active' : ''}`}
          disabled={running}
          onClick={() => applyPreset(preset)}
        >
          {active === preset && (
            <span className="preset__mark" aria-hidden="true">
              ✓{' '}
            </span>
          )}
          {label}
        </button>
      ))}
      <span className="hint presets__state">{active ? 'in use' : 'options edited by hand'}</span>
    </div>
  );
}
