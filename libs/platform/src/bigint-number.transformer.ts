import type { ValueTransformer } from 'typeorm';

// Minor units fit a JavaScript number far beyond any initiative's value, but
// PostgreSQL's bigint arrives as a string; the entities speak numbers.
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
