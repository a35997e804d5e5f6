import type { AuditDigest } from '@tollgate/domain';
import { createHash } from 'node:crypto';

// The chain's rules are pure and live in libs/domain; the digest lives here,
// because workflows import the domain and it must stay free of Node built-ins.
export const auditDigest: AuditDigest = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
