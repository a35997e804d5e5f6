import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

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

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a profiled frame's time is counted: its package, our own built file, or what V8 names it. */
function placeOf(functionName: string, url: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (!url) return functionName === '(program)' ? 'V8 (program)' : `native: ${functionName || '(anonymous)'}`;
  const dependency = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1];
  if (url.startsWith('node:')) return 'node internals';
  const built = url.split('/dist/')[1];
  return built ? `tollgate: ${built.split('/').slice(-2).join('/')}` : url.slice(-60);
}

/**
 * The CPU profiles the processes of `started` wrote into TOLLGATE_PROFILE_DIR
 * as they stopped (one per thread), summed up as report rows: busy time, and
 * where the most of it went by self time. The profiles stay for DevTools.
 */
export function profileRows(started: { name: string; pid: number | undefined }[], top = 6): [string, string | number][] {
  const directory = process.env.TOLLGATE_PROFILE_DIR;
  if (!directory || !existsSync(directory)) return [];
  const rows: [string, string | number][] = [['profiles (open in Chrome DevTools)', directory]];
  for (const { name, pid } of started) {
    // V8 names them CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile.
    for (const file of readdirSync(directory).filter((candidate) => candidate.endsWith('.cpuprofile') && candidate.split('.')[3] === String(pid))) {
      const profile = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as CpuProfile;
      const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
      const places = new Map<string, number>();
      let busy = 0;
      profile.samples.forEach((id, index) => {
        const frame = byId.get(id)!;
        if (frame.functionName === '(idle)') return;
        const ms = (profile.timeDeltas[index] ?? 0) / 1000;
        busy += ms;
        const place = placeOf(frame.functionName, frame.url);
        places.set(place, (places.get(place) ?? 0) + ms);
      });
      const thread = file.split('.').at(-3) === '0' ? '' : ' (workflow thread)';
      const most = [...places].sort((a, b) => b[1] - a[1]).slice(0, top);
      rows.push([`${name}${thread}: busy (ms)`, busy.toFixed(0)]);
      rows.push([`${name}${thread}: most of it`, most.map(([place, ms]) => `${place} ${((ms / busy) * 100).toFixed(0)}%`).join(', ')]);
    }
  }
  return rows;
}
