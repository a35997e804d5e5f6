// Resolves the @tollgate/* libraries inside a built project directory
// (dist/<project>/libs/<lib>/src/index.js), as tsconfig.base.json does for
// the sources. Loaded with `node -r` before a built entry point.
const fs = require('node:fs');
const path = require('node:path');
const { register } = require('tsconfig-paths');

function builtRoot(entry) {
  for (let dir = path.dirname(path.resolve(entry)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'libs'))) return dir;
  }
  throw new Error(`no built libs/ folder above ${entry}`);
}

// Worker threads inherit this preload but have no entry script: they reuse
// the root that the main thread found.
process.env.TOLLGATE_BUILT_ROOT ??= builtRoot(process.argv[1]);

register({
  baseUrl: process.env.TOLLGATE_BUILT_ROOT,
  paths: { '@tollgate/*': ['libs/*/src/index.js'] },
  addMatchAll: false,
});
