import { Alert, Loader } from '@mantine/core';
import { Navigate } from 'react-router-dom';
import { useOrganizations } from './api/get-org-nodes';

/** The first screen: the first organization's portfolio. */
export function HomePage() {
  const roots = useOrganizations();
  if (roots.isLoading) return <Loader aria-label="Loading" />;
  const first = roots.data?.items[0];
  if (first) return <Navigate to={`/nodes/${first.id}`} replace />;
  return (
    <Alert title="Nothing to show yet" color="blue">
      There is no organization yet. An admin creates one (POST /api/org-nodes), or `npm run up` seeds a demo organization.
    </Alert>
  );
}
