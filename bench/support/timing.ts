export async function timeSequential(
  rounds: number,
  work: () => Promise<unknown>,
): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await work();
  return (performance.now() - started) / rounds;
}

export async function timeBurst(count: number, work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: count }, work));
  return performance.now() - started;
}

/** p-th percentile (0-100) of durations in ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function report(label: string, measured: number, baseline: number): void {
  console.log(
    `${label.padEnd(58)} ${measured.toFixed(2).padStart(9)} ms vs ${baseline
      .toFixed(2)
      .padStart(9)} ms  ratio ${(measured / baseline).toFixed(2)}x`,
  );
}
