import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const ping = defineUpdate<number, [number]>('ping');
export const poke = defineSignal<[number]>('poke');
export const finish = defineSignal('finish');

/** The yardstick: a workflow whose update and signal do nothing but arrive. */
export async function emptyUpdateTarget(): Promise<void> {
  let done = false;
  setHandler(ping, (value) => value);
  setHandler(poke, () => undefined);
  setHandler(finish, () => void (done = true));
  await condition(() => done);
}
