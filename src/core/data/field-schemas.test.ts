import { afterEach, describe, expect, it } from 'vitest';
import { parseTimestampMs } from './field-schemas';

describe('parseTimestampMs', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('reads a date-time without a zone as UTC whatever the machine zone, with "T" in either case', () => {
    process.env.TZ = 'America/New_York';
    const utcNoon = Date.UTC(2025, 0, 1, 12);
    for (const text of ['2025-01-01T12:00:00', '2025-01-01t12:00:00', '2025-01-01 12:00', '2025-01-01t12:00'])
      expect(parseTimestampMs(text), text).toBe(utcNoon);
    expect(parseTimestampMs('2025-01-01')).toBe(Date.UTC(2025, 0, 1));
    expect(parseTimestampMs('2025-01-01t12:00:00+02:00')).toBe(utcNoon - 2 * 3600_000);
  });
});
