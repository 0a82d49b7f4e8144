import { describe, expect, it } from 'vitest';
import { pythonSnippet, shellWord } from './python-snippet';

describe('pythonSnippet', () => {
  const date = new Date('2026-12-06T10:00:00Z');

  it('names the bundle Download model writes and the loaded file, quoted for the shell when needed', () => {
    const text = pythonSnippet({ strategyId: 'progressive', date, tasksFile: 'my tasks.csv', masked: false });
    expect(text).toContain(
      "python3 predict.py retrain-lab-progressive-2026-12-06.zip 'my tasks.csv' --self-check",
    );
    expect(text).toContain('bundle = predict.load_bundle("retrain-lab-progressive-2026-12-06.zip")');
    expect(text).toContain('tasks = predict.read_tasks("my tasks.csv").tasks');
    expect(text).not.toContain('--user-map');
  });

  it('passes --user-map auto and the lab’s labels when ids are masked', () => {
    const text = pythonSnippet({ strategyId: 'per-user', date, tasksFile: 'a.csv', masked: true });
    expect(text).toContain('a.csv --user-map auto --out predictions.csv');
    expect(text).toContain('labels = predict.lab_labels(tasks)');
    expect(text).toContain('lambda u: labels.get(u, u))');
  });

  it('quotes shell words safely', () => {
    expect(shellWord('seed-shaped.csv')).toBe('seed-shaped.csv');
    expect(shellWord("it's $HOME.csv")).toBe(`'it'\\''s $HOME.csv'`);
  });
});
