/**
 * The stored parts of a session as zod schemas — settings, the dataset file, the results, the last sweep —
 * each with the schema version it was written with; a part that does not parse is skipped with a reason.
 */
import { z } from 'zod';

export const SESSION_SCHEMA_VERSION = 1;

const optionValue = z.union([z.number(), z.boolean(), z.string()]);
export const settingsSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  seed: z.number().int(),
  // Added with repeats (issue 15): sessions stored before it read as one seed, as they were trained.
  repeats: z.number().int().min(1).max(100).default(1),
  backend: z.enum(['auto', 'webgl', 'wasm', 'cpu']),
  // Added later: sessions stored before it read as Auto.
  workers: z
    .union([z.literal('auto'), z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
    .default('auto'),
  maskIds: z.boolean(),
  thresholds: z.record(z.string(), z.number()),
  strategies: z.record(
    z.string(),
    z.object({ enabled: z.boolean(), options: z.record(z.string(), optionValue) }),
  ),
  // Added later: sessions stored before it have none. Each is checked again on the way back.
  ownStrategies: z
    .array(
      z.object({
        id: z.string(),
        label: z.string(),
        from: z.string(),
        enabled: z.boolean(),
        fields: z.record(z.string(), optionValue),
      }),
    )
    .default([]),
});
export const datasetSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  fileName: z.string(),
  file: z.instanceof(Blob),
});
export const resultsSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  fingerprint: z.string(),
  /** The composed report: validated by the report schema on the way back. */
  report: z.unknown(),
  backendDecision: z.unknown().optional(),
});

export const sweepPartSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  fingerprint: z.string(),
  /** The last finished sweep: validated by the sweep document's schema on the way back. */
  document: z.unknown(),
});
