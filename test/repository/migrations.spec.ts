import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

// A migration is a frozen record of a schema change: it must not change when the code it would import
// changes. So a file under services/*/migrations/ imports only typeorm, Node's own modules, and files
// beside it in the same migrations/ folder: no service source (../src), no workspace library
// (@tollgate/*), nothing else installed.
const root = path.resolve(__dirname, '../..');
const services = path.join(root, 'services');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const migrationFolders = readdirSync(services, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(path.join(services, entry.name)).includes('migrations'))
  .map((entry) => path.join(services, entry.name, 'migrations'));

/** What a migration file may import: typeorm, a Node module, or a file inside its own migrations/ folder. */
function importProblem(file: string, folder: string, specifier: string): string | null {
  if (specifier === 'typeorm') return null;
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return null;
  if (specifier.startsWith('.')) {
    const target = path.resolve(path.dirname(file), specifier);
    return target.startsWith(folder + path.sep) ? null : `${specifier} is outside ${path.relative(root, folder)}`;
  }
  return `${specifier} is live code, not a part of the migration`;
}

describe('the migrations of every service', () => {
  it('are found in the three services', () => {
    expect(migrationFolders.map((folder) => path.relative(root, folder)).sort()).toEqual(
      ['services/finance/migrations', 'services/initiatives/migrations', 'services/plans/migrations'],
    );
  });

  it('import only typeorm, Node modules and files of their own migrations folder', () => {
    const problems = migrationFolders.flatMap((folder) =>
      filesUnder(folder).flatMap((file) =>
        ts
          .preProcessFile(readFileSync(file, 'utf8'), true, true)
          .importedFiles.map(({ fileName }) => importProblem(file, folder, fileName))
          .filter((problem): problem is string => problem !== null)
          .map((problem) => `${path.relative(root, file)}: ${problem}`),
      ),
    );
    expect(problems).toEqual([]);
  });
});
