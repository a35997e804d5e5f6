import { NOTICE_KINDS, NOTICE_KIND_WORDS, type NoticeKind } from './notice';

/** A person's digest settings and the local day their last digest went out on. */
export interface DigestClock {
  digestHour: number;
  timeZone: string;
  /** YYYY-MM-DD in `timeZone`; null before the first digest. */
  lastDigestOn: string | null;
}

/** The day and hour it is at `now` in `timeZone`. */
export function localTime(now: number, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(now))
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/**
 * Whether a person's daily digest is due at `now`: their hour has come in
 * their time zone, and none went out on that local day yet. A day whose hour
 * passed while the service was down still gets its digest, once.
 */
export function digestDue(clock: DigestClock, now: number): { due: boolean; day: string } {
  const { day, hour } = localTime(now, clock.timeZone);
  return { due: hour >= clock.digestHour && clock.lastDigestOn !== day, day };
}

/** One notice waiting for the digest. */
export interface DigestItem {
  kind: NoticeKind;
  title: string;
  asked: string | null;
  dueBy: string | null;
  link: string;
  valueAtStake: number | null;
  currency: string | null;
}

/**
 * The digest's sections: one per kind, in the order of the kinds, each
 * ranked by what is at stake (the most first; what has no value after), then
 * by the day it is asked by.
 */
export function digestSections<T extends DigestItem>(items: readonly T[]): { kind: NoticeKind; heading: string; items: T[] }[] {
  return NOTICE_KINDS.flatMap((kind) => {
    const ofKind = items
      .filter((item) => item.kind === kind)
      .sort((a, b) => (b.valueAtStake ?? -1) - (a.valueAtStake ?? -1) || (a.dueBy ?? '9999').localeCompare(b.dueBy ?? '9999') || a.title.localeCompare(b.title));
    return ofKind.length > 0 ? [{ kind, heading: NOTICE_KIND_WORDS[kind], items: ofKind }] : [];
  });
}
