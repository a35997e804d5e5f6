import type { OrgNodeView } from '@tollgate/contracts/views';
import { Anchor, Badge, Group, Title } from '@mantine/core';
import { Link } from 'react-router-dom';

/** The nodes right below a node, each leading to its page. */
export function NodesBelow({ nodes }: { nodes: OrgNodeView[] }) {
  return (
    <section aria-labelledby="below">
      <Title order={2} size="h3" id="below" mb="xs">
        Below this node
      </Title>
      <Group gap="xs">
        {nodes.map((child) => (
          <Anchor key={child.id} component={Link} to={`/nodes/${child.id}`}>
            <Badge variant="light" size="lg" style={{ cursor: 'pointer' }}>
              {child.name}
            </Badge>
          </Anchor>
        ))}
      </Group>
    </section>
  );
}
