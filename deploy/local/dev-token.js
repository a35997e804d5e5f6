#!/usr/bin/env node
// Prints a development token: npm run token -- --sub alice --roles owner,sponsor [--name "Alice"] [--hours 8]
const { parseArgs } = require('node:util');
const jwt = require('jsonwebtoken');

const ROLES = ['admin', 'pmo', 'owner', 'sponsor', 'controller', 'viewer'];
const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    name: { type: 'string' },
    roles: { type: 'string', default: 'viewer' },
    hours: { type: 'string', default: '8' },
  },
});
const roles = values.roles.split(',').map((role) => role.trim()).filter(Boolean);
const unknown = roles.filter((role) => !ROLES.includes(role));
// The services refuse a token that lives longer than 24 hours (libs/auth TOKEN_LIMITS).
if (!values.sub || unknown.length > 0 || !(Number(values.hours) > 0) || Number(values.hours) > 24) {
  process.stderr.write(
    `${!values.sub ? '--sub is required. ' : ''}${unknown.length ? `unknown roles: ${unknown.join(', ')}. ` : ''}` +
      `usage: npm run token -- --sub alice --roles ${ROLES.join(',')} [--name "Alice"] [--hours 8] (at most 24)\n`,
  );
  process.exit(1);
}
const secret = process.env.TOLLGATE_JWT_SECRET || 'tollgate-dev-secret';
const claims = { sub: values.sub, roles, ...(values.name ? { name: values.name } : {}) };
process.stdout.write(`${jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: Math.round(Number(values.hours) * 3600) })}\n`);
