import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SUPERVISE = path.resolve(__dirname, '../../deploy/local/supervise.sh');

// The local stack's supervisor: a service or worker that dies is started again, and the log says so.
describe('the supervisor of the local stack', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'tollgate-supervise-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('starts a command that dies again, says so, and stops it and itself on TERM', async () => {
    const starts = path.join(folder, 'starts');
    // Dies at once on its first two starts, then keeps running.
    const command = `echo start >> ${starts}; [ $(wc -l < ${starts}) -ge 3 ] && exec sleep 60; exit 3`;
    const supervisor = spawn('bash', [SUPERVISE, 'probe', 'bash', '-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    supervisor.stdout.on('data', (chunk) => (log += chunk));
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (readFileSync(starts, { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean).length < 3 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
    expect(log).toMatch(/^\[tollgate\] probe exited with status 3 at \S+; starting it again in 2 s$/m);
    expect(log).toMatch(/^\[tollgate\] probe exited with status 3 at \S+; starting it again in 4 s$/m);
    supervisor.kill('SIGTERM');
    expect(await exited).toBe(0);
    // No fourth start after TERM: the supervisor stopped its command rather than starting it again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  }, 30_000);
});
