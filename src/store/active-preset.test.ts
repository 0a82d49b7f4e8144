import { describe, expect, it } from 'vitest';
import { activePreset } from './active-preset';

const meta = (id: string) => ({
  id,
  label: id,
  summary: '',
  defaultOptions: { epochs: 50, stepsPerEpoch: 125 },
  seedOptions: { epochs: 50, stepsPerEpoch: 0 },
  optionDocs: {},
});
const catalog = [meta('a'), meta('b')];
const settings = (a: Record<string, number>, b: Record<string, number>, enabled = true) => ({
  a: { enabled, options: a },
  b: { enabled: true, options: b },
});

describe('activePreset', () => {
  it('names the preset every strategy matches, whatever is switched off', () => {
    const lab = { epochs: 50, stepsPerEpoch: 125 };
    expect(activePreset(catalog, settings(lab, lab))).toBe('lab');
    expect(activePreset(catalog, settings(lab, lab, false))).toBe('lab');
    const seed = { epochs: 50, stepsPerEpoch: 0 };
    expect(activePreset(catalog, settings(seed, seed))).toBe('seed-faithful');
    const quick = { epochs: 5, stepsPerEpoch: 125 };
    expect(activePreset(catalog, settings(quick, quick))).toBe('quick');
  });
  it('names none once one option differs, or before the catalog arrives', () => {
    const lab = { epochs: 50, stepsPerEpoch: 125 };
    expect(activePreset(catalog, settings(lab, { epochs: 49, stepsPerEpoch: 125 }))).toBeUndefined();
    expect(activePreset([], {})).toBeUndefined();
    expect(activePreset(catalog, { a: { enabled: true, options: lab } })).toBeUndefined();
  });
});
