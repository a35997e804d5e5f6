import { isPeriod } from '@tollgate/domain';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** A planning period, `YYYY-MM`, as the domain defines it. */
export function IsPeriod(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPeriod',
      validator: {
        validate: (value: unknown) => isPeriod(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'period'} must be a YYYY-MM month`,
      },
    },
    options,
  );
}
