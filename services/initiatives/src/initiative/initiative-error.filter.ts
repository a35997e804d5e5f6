import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { InitiativeError } from './initiative.error';

/** `{ statusCode, error, message }`, and for an unmet gate every criterion in `unmet`. */
@Catch(InitiativeError)
export class InitiativeErrorFilter implements ExceptionFilter {
  catch(exception: InitiativeError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    response.status(exception.statusCode).json({
      statusCode: exception.statusCode,
      error: STATUS_CODES[exception.statusCode] ?? 'Error',
      message: exception.message,
      code: exception.code,
      ...(exception.unmet ? { unmet: exception.unmet } : {}),
    });
  }
}
