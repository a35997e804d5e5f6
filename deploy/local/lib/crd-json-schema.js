// Turns one version of a CustomResourceDefinition into the JSON schema kubeconform reads for that kind,
// as kubeconform's own openapi2jsonschema does in strict mode: every object that lists its properties and
// does not say it keeps unknown fields refuses properties it does not list, so a misspelt field of a
// rendered resource fails validation instead of being dropped by the API server.
// Usage: node crd-json-schema.js <crd.yaml> <version>   (the schema is written to standard output)
const fs = require('node:fs');
const YAML = require('yaml');

const [file, version] = process.argv.slice(2);
if (!file || !version) {
  process.stderr.write('usage: node crd-json-schema.js <crd.yaml> <version>\n');
  process.exit(64);
}
const crd = YAML.parse(fs.readFileSync(file, 'utf8'));
const served = (crd.spec.versions ?? []).find((entry) => entry.name === version);
if (!served?.schema?.openAPIV3Schema) {
  process.stderr.write(`${file} has no openAPIV3Schema for version ${version}\n`);
  process.exit(1);
}

function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, strict(value)]));
  if (out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

const schema = strict(served.schema.openAPIV3Schema);
// apiVersion and kind are described as free strings in a CRD; a resource of this schema has exactly these.
schema.properties.apiVersion = { type: 'string', enum: [`${crd.spec.group}/${version}`] };
schema.properties.kind = { type: 'string', enum: [crd.spec.names.kind] };
process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
