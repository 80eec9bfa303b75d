/**
 * A side rounded to a multiple of 8 (SD's latent grid), at least 64. Apart from the client: the CLI's parser uses it,
 * and loads no HTTP client with it.
 */
export function roundTo8(side: number): number {
  return Math.max(64, Math.round((Number.isFinite(side) ? side : 512) / 8) * 8);
}
