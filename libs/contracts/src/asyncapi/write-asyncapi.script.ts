import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PRODUCING_SERVICES } from '../event-ownership';
import { asyncApiDocument } from './asyncapi-document';

/** Writes `<directory>/<service>.asyncapi.json` for every service, as the services serve them by default; answers the paths. */
export function writeAsyncApiDocuments(directory: string): string[] {
  mkdirSync(directory, { recursive: true });
  return PRODUCING_SERVICES.map((service) => {
    const path = join(directory, `${service}.asyncapi.json`);
    writeFileSync(path, `${JSON.stringify(asyncApiDocument(service), null, 2)}\n`);
    return path;
  });
}

// Run by the contracts build (`nx run contracts:asyncapi`): node write-asyncapi.script.js [directory].
if (require.main === module) {
  const directory = resolve(process.argv[2] ?? 'dist/asyncapi');
  for (const path of writeAsyncApiDocuments(directory)) process.stdout.write(`wrote ${path}\n`);
}
