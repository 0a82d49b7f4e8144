/**
 * Masking inside a model bundle: the manifest (routes keyed by user, the metrics entry, options) and each
 * network's metadata (its user vocabulary, the user a fine-tune serves) go through the same field-by-field
 * identity masking as the report (core/report/mask-ids), once, from the real ids — so no file of the zip
 * keeps an id and no label is masked twice.
 */
import { maskFields, type UserLabels } from '../report/mask-ids';
import type { BundleManifest } from './bundle-manifest';

/** The manifest with every id replaced by its label (`idsMasked` is the caller's to set). */
export function maskManifest(manifest: BundleManifest, labels: UserLabels): BundleManifest {
  return maskFields(manifest, labels);
}

/** A network's userDefinedMetadata (encoders.users, userId) with every id replaced by its label. */
export function maskModelMetadata(
  metadata: Readonly<Record<string, unknown>>,
  labels: UserLabels,
): Record<string, unknown> {
  return maskFields({ ...metadata }, labels);
}
