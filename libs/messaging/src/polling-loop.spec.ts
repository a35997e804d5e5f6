import { PollingLoop } from './polling-loop';

const until = async (condition: () => boolean) => {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 2000) throw new Error('the loop did not get there');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('a polling loop', () => {
  it('steps again at once after a full batch, waits after a short one, and a nudge ends the wait', async () => {
    const batches = [10, 10, 3, 0];
    let steps = 0;
    const loop = new PollingLoop(async () => batches[steps++] ?? 0, { batchSize: 10, pollIntervalMs: 60_000 });
    loop.start();
    // Two full batches and the short one, with no wait between: the minute-long wait comes only after the third.
    await until(() => steps === 3);
    loop.nudge();
    await until(() => steps === 4);
    await loop.stop();
    expect(steps).toBe(4);
  });

  it('with a linger, gathers the nudges that come within it into one step', async () => {
    let steps = 0;
    const loop = new PollingLoop(
      async () => {
        steps += 1;
        return 0;
      },
      { batchSize: 10, pollIntervalMs: 60_000, lingerMs: 100 },
    );
    loop.start();
    await until(() => steps === 1);
    for (let nudge = 0; nudge < 5; nudge += 1) loop.nudge();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Still lingering: five commits, and no step yet for any of them.
    expect(steps).toBe(1);
    await until(() => steps === 2);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await loop.stop();
    expect(steps).toBe(2);
  });

  it('reports each failure and goes on', async () => {
    const errors: string[] = [];
    let steps = 0;
    const loop = new PollingLoop(
      async () => {
        steps += 1;
        if (steps === 1) throw new Error('the database is away');
        return 0;
      },
      { batchSize: 10, pollIntervalMs: 60_000, onError: (error) => errors.push(error.message) },
    );
    loop.start();
    await until(() => errors.length === 1);
    loop.nudge();
    await until(() => steps === 2);
    await loop.stop();
    expect(errors).toEqual(['the database is away']);
  });
});
