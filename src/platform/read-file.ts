/**
 * Browser file input: a dropped or chosen File, or the bundled sample, as bytes for the worker.
 * Reading is asynchronous, so even a large export never blocks the page here.
 */

export const SAMPLE_URL = `${import.meta.env.BASE_URL}samples/seed-shaped.csv`;
export const SAMPLE_NAME = 'seed-shaped.csv (sample)';

export async function readFileBytes(file: File): Promise<ArrayBuffer> {
  return file.arrayBuffer();
}

export async function fetchSampleBytes(): Promise<ArrayBuffer> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`the sample could not be loaded (HTTP ${response.status})`);
  return response.arrayBuffer();
}
