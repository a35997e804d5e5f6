import { Alert, List, Text } from '@mantine/core';
import { ApiError } from '../api/client';

/** A refusal shown where the person acted, every unmet criterion listed. */
export function Refusal({ error }: { error: unknown }) {
  if (!error) return null;
  const refusal = error instanceof ApiError ? error : new ApiError(0, String(error));
  return (
    <Alert color="red" title={refusal.status === 422 ? 'Not yet: criteria unmet' : refusal.status === 409 ? 'Not now' : 'Refused'} role="alert" mt="xs">
      <Text size="sm">{refusal.details.length > 0 ? 'The service says:' : `${refusal.message}${refusal.advice ? `. ${refusal.advice}` : ''}`}</Text>
      {refusal.details.length > 0 && (
        <List size="sm" mt={4}>
          {refusal.details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** What could not be read, and what to do about it. */
export function Problem({ error }: { error: unknown }) {
  const text = error instanceof ApiError ? `${error.message}. ${error.advice}` : String(error);
  return (
    <Alert color="red" title="This could not be shown" role="alert">
      {text}
    </Alert>
  );
}
