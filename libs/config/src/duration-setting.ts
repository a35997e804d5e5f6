import { parseIsoDuration } from '@tollgate/domain';
import { z } from 'zod';

/**
 * A setting that is a duration in ISO-8601 weeks, days or hours (P60D, P8W,
 * PT12H), read as its text (what the service reports back) and milliseconds.
 * Months and years are refused: they are not a fixed length.
 */
export const durationSetting = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((text, context) => {
      const ms = parseIsoDuration(text);
      if (ms === undefined) {
        context.addIssue({ code: 'custom', message: `expected an ISO-8601 duration of weeks, days or hours, such as ${fallback}` });
        return z.NEVER;
      }
      return { text, ms };
    });
