/** Benchmarks print their figures; they assert nothing on time. */
export function report(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  process.stdout.write(`\n${title}\n${rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n')}\n`);
}

export function perSecond(count: number, ms: number): string {
  return (count / (ms / 1000)).toFixed(1);
}

/** Runs `task` for each item with at most `concurrency` at a time; the first failure stops every lane. */
export async function inParallel<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (!failed && next < items.length) {
      try {
        await task(items[next++]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(lanes);
}

/** The value below which `p` per cent of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Sends each item at its own planned instant, `rate` per second, without waiting for the one before. */
export async function atSteadyRate<T>(items: readonly T[], rate: number, send: (item: T) => Promise<void>): Promise<void> {
  const start = performance.now();
  await Promise.all(
    items.map(async (item, index) => {
      const due = start + (index * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      await send(item);
    }),
  );
}
