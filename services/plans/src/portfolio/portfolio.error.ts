import { DomainError } from '@tollgate/platform';

export enum PortfolioErrorCode {
  MalformedPeriodRange = 'malformed_period_range',
}

/** The one exception of the portfolio reports. */
export class PortfolioError extends DomainError {
  static malformedRange(unmet: string[]): PortfolioError {
    return new PortfolioError(PortfolioErrorCode.MalformedPeriodRange, 'malformed', `the period range is malformed: ${unmet.join('; ')}`, unmet);
  }
}
