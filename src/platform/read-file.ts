/**
 * Browser file input: the bundled sample as a Blob. Chosen and dropped files are already Blobs (File);
 * both go to the worker as handles and are read there, so even a large export never blocks the page.
 */

export const SAMPLE_URL = `${import.meta.env.BASE_URL}samples/seed-shaped.csv`;
export const SAMPLE_NAME = 'seed-shaped.csv (sample)';

export async function fetchSample(): Promise<Blob> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`the sample could not be loaded (HTTP ${response.status})`);
  return response.blob();
}
