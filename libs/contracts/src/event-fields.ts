import { z } from 'zod';

// The fields every event family shares, checked alike at every consumer.
export const identifier = z.string().trim().min(1).max(200);
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a YYYY-MM period');
export const instant = z.iso.datetime({ offset: true });
