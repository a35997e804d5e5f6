import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router-dom';

/** Above a page about a node: the node, leading back to it, and what this page shows of it. */
export function NodeCrumb({ nodeId, name, page }: { nodeId: string; name: string | undefined; page: string }) {
  return (
    <Text size="sm">
      <Anchor component={Link} to={`/nodes/${nodeId}`}>
        {name ?? '…'}
      </Anchor>{' '}
      · {page}
    </Text>
  );
}
