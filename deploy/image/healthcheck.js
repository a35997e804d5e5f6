// The image's HEALTHCHECK: liveness of what this container runs (`/health/live` of a service, the metrics
// endpoint of the worker), asked over loopback with Node alone, since the slim image has no curl.
// Usage: node healthcheck.js [plans|initiatives|finance|worker]; without an argument the part is read from
// the command line of the container's processes, as entrypoint.sh started it. One-shot parts (migrate,
// create-topics) have nothing to probe and count as healthy while they run.
const fs = require('node:fs');
const http = require('node:http');

const env = process.env;
const TARGETS = {
  plans: { port: env.TOLLGATE_PLANS_PORT || 3001, path: '/health/live', host: env.TOLLGATE_HTTP_HOST },
  initiatives: { port: env.TOLLGATE_INITIATIVES_PORT || 3002, path: '/health/live', host: env.TOLLGATE_HTTP_HOST },
  finance: { port: env.TOLLGATE_FINANCE_PORT || 3003, path: '/health/live', host: env.TOLLGATE_HTTP_HOST },
  worker: { port: env.TOLLGATE_WORKER_METRICS_PORT || 9464, path: '/metrics', host: env.TOLLGATE_WORKER_METRICS_HOST },
};
const ENTRIES = [
  [/dist\/services\/(plans|initiatives|finance)\/services\/\1\/src\/main\.js/, (match) => match[1]],
  [/dist\/workflows\/workflows\/worker\/main\.js/, () => 'worker'],
];

// PID 1 first: entrypoint.sh execs node, so that is the part; under an init process (docker run --init) the
// part is one of its children.
function runningPart() {
  const pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  for (const pid of ['1', ...pids.filter((pid) => pid !== '1')]) {
    let command;
    try {
      command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue; // the process ended while we looked
    }
    for (const [pattern, part] of ENTRIES) {
      const match = pattern.exec(command);
      if (match) return part(match);
    }
  }
  return undefined;
}

const part = process.argv[2] ?? runningPart();
if (part === undefined) process.exit(0);
const target = TARGETS[part];
if (!target) {
  process.stderr.write(`healthcheck: unknown part '${part}' (plans, initiatives, finance or worker)\n`);
  process.exit(2);
}
// A process bound to every interface answers on loopback; one bound to a single address answers there.
const host = !target.host || target.host === '0.0.0.0' || target.host === '::' ? '127.0.0.1' : target.host;
const request = http.get({ host, port: Number(target.port), path: target.path, timeout: 4000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', (error) => {
  process.stderr.write(`healthcheck: ${part} at http://${host}:${target.port}${target.path}: ${error.message}\n`);
  process.exit(1);
});
