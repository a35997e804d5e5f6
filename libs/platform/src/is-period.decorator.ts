import { isPeriod, PERIOD_PATTERN } from '@tollgate/domain';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A planning period, `YYYY-MM`, as the domain defines it; the OpenAPI document shows its pattern. */
export function IsPeriod(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPeriod',
      constraints: [PERIOD_PATTERN],
      validator: {
        validate: (value: unknown) => isPeriod(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'period'} must be a YYYY-MM month`,
      },
    },
    options,
  );
}
