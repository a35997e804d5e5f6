import { Anchor } from '@mantine/core';
import { Link } from 'react-router-dom';

/** An initiative as lists name it, its code before its title, leading to its page. */
export function InitiativeLink({ initiative }: { initiative: { id: string; code?: string; title: string | null } }) {
  return (
    <Anchor component={Link} to={`/initiatives/${initiative.id}`}>
      {initiative.code ? `${initiative.code} ` : ''}
      {initiative.title ?? initiative.id}
    </Anchor>
  );
}
