import { condition, defineQuery, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const ping = defineUpdate<number, [number]>('ping');
export const poke = defineSignal<[number]>('poke');
export const finish = defineSignal('finish');
export const pokes = defineQuery<number>('pokes');

/** The yardstick: a workflow whose update and signal do nothing but arrive, and whose query counts the signals. */
export async function emptyUpdateTarget(): Promise<void> {
  let done = false;
  let poked = 0;
  setHandler(ping, (value) => value);
  setHandler(poke, () => void (poked += 1));
  setHandler(pokes, () => poked);
  setHandler(finish, () => void (done = true));
  await condition(() => done);
}
