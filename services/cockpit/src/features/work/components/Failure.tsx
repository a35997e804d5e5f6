import { Alert } from '@mantine/core';
import { ApiError } from '../../../lib/api/client';

/** A part of the queue that could not be read, and what to do about it. */
export function Failure({ error }: { error: unknown }) {
  return (
    <Alert color="red" role="alert">
      {error instanceof ApiError ? `${error.message}. ${error.advice}` : String(error)}
    </Alert>
  );
}
