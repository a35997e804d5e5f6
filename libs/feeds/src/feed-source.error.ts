import { DomainError } from '@tollgate/platform';

export enum FeedSourceErrorCode {
  UnknownSource = 'unknown_feed_source',
  SourceExists = 'feed_source_exists',
  SetInSettings = 'feed_source_in_settings',
  TypeNotApplied = 'feed_type_not_applied',
  OverlapTooLong = 'feed_key_overlap_too_long',
}

/** The one exception of the feed-source registry. */
export class FeedSourceError extends DomainError {
  static unknown(name: string): FeedSourceError {
    return new FeedSourceError(FeedSourceErrorCode.UnknownSource, 'not_found', `feed source '${name}' is not registered`);
  }

  static exists(name: string): FeedSourceError {
    return new FeedSourceError(FeedSourceErrorCode.SourceExists, 'conflict', `feed source '${name}' is already registered; rotate its key or change its scope instead`);
  }

  static inSettings(name: string): FeedSourceError {
    return new FeedSourceError(FeedSourceErrorCode.SetInSettings, 'conflict', `feed source '${name}' is set in TOLLGATE_FEED_SOURCES; change it there`);
  }

  static typesNotApplied(types: readonly string[], applied: readonly string[]): FeedSourceError {
    return new FeedSourceError(
      FeedSourceErrorCode.TypeNotApplied,
      'unprocessable',
      `this service does not apply ${types.map((type) => `'${type}'`).join(', ')}; it applies ${applied.join(', ')}`,
      types.map((type) => `eventTypes: '${type}' is not applied here`),
    );
  }

  static overlapTooLong(maxDays: number): FeedSourceError {
    return new FeedSourceError(FeedSourceErrorCode.OverlapTooLong, 'unprocessable', `a rotated-out key may keep working for at most ${maxDays} days`);
  }
}
