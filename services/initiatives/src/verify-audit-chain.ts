import 'reflect-metadata';
import { loadConfigOrExit } from '@tollgate/config';
import { postgresOptions, serviceEntities } from '@tollgate/platform';
import { DataSource, MoreThan } from 'typeorm';
import { initiativesConfigSchema } from './config/initiatives.config';
import { Initiative } from './projection/initiative.entity';
import { INITIATIVES_ENTITIES } from './initiatives.schema';
import { verifyStoredAuditChain } from './audit/audit-chain-verification';

const config = loadConfigOrExit(initiativesConfigSchema);
const [onlyInitiativeId] = process.argv.slice(2);

// The operator's check of every initiative's audit trail (or one, by id),
// straight from the database rather than through the API: a line per broken
// chain, then a summary; exit 1 when a chain is broken or cannot be checked.
async function main(): Promise<number> {
  // Reads only: no migrations here, they are the service's to run.
  const dataSource = new DataSource(postgresOptions(config, serviceEntities(INITIATIVES_ENTITIES), []));
  await dataSource.initialize();
  try {
    let verified = 0;
    let broken = 0;
    for await (const initiativeId of initiativesToVerify(dataSource)) {
      const verification = await verifyStoredAuditChain(dataSource, initiativeId);
      if (!verification) continue;
      verified += 1;
      if (verification.firstInvalid) {
        broken += 1;
        const { code } = await dataSource.manager.findOneByOrFail(Initiative, { id: initiativeId });
        const { revision, problem, detail } = verification.firstInvalid;
        process.stdout.write(`broken: initiative ${initiativeId} (${code}) at revision ${revision}, ${problem}: ${detail}\n`);
      }
    }
    if (onlyInitiativeId && verified === 0) {
      process.stderr.write(`audit chain verification: initiative ${onlyInitiativeId} not found\n`);
      return 1;
    }
    process.stdout.write(`audit chains: ${verified} verified, ${verified - broken} intact, ${broken} broken\n`);
    return broken > 0 ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

/** The initiative asked for, or every initiative a page at a time, so that a large schema is never loaded at once. */
async function* initiativesToVerify(dataSource: DataSource): AsyncGenerator<string> {
  if (onlyInitiativeId) {
    yield onlyInitiativeId;
    return;
  }
  let after: string | undefined;
  for (;;) {
    const page = await dataSource.manager.find(Initiative, {
      select: { id: true },
      where: after ? { id: MoreThan(after) } : {},
      order: { id: 'ASC' },
      take: 500,
    });
    yield* page.map((initiative) => initiative.id);
    if (page.length < 500) return;
    after = page[page.length - 1].id;
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`audit chain verification failed: ${error.message}\n`);
    process.exit(1);
  },
);
