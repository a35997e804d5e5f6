import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const ping = defineUpdate<number, [number]>('ping');
export const finish = defineSignal('finish');

/** The yardstick: a workflow whose update does nothing but answer. */
export async function emptyUpdateTarget(): Promise<void> {
  let done = false;
  setHandler(ping, (value) => value);
  setHandler(finish, () => void (done = true));
  await condition(() => done);
}
