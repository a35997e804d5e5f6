import { Loader, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useMatch } from 'react-router-dom';
import type { OrgNodeView } from '@tollgate/contracts/views';
import { useMyWork } from '../../work/use-my-work';
import { useOrgNode } from '../api/get-org-node';
import { useOrganizations, useOrgNodeSearch } from '../api/get-org-nodes';

// Mantine fades an active link's description below WCAG AA contrast: kept readable.
const LINK_STYLES = { description: { color: '#495057', opacity: 1 } };

const KIND_NAMES: Record<OrgNodeView['kind'], string> = { organization: 'Organization', business_unit: 'Business unit', program: 'Program' };

function useActiveNode(): string | undefined {
  return useMatch('/nodes/:nodeId')?.params.nodeId;
}

/** One node of the tree; its children are read when it is opened. */
function TreeNode({ node }: { node: OrgNodeView }) {
  const active = useActiveNode();
  const [opened, setOpened] = useState(node.kind === 'organization');
  const children = useOrgNode(node.id, { enabled: opened && node.kind !== 'program' });
  const link = (
    <NavLink
      component={Link}
      to={`/nodes/${node.id}`}
      label={node.name}
      description={KIND_NAMES[node.kind]}
      active={active === node.id}
      opened={opened}
      onChange={setOpened}
      childrenOffset={14}
      styles={LINK_STYLES}
    >
      {node.kind === 'program' ? undefined : children.data?.children.map((child) => <TreeNode key={child.id} node={child} />) ?? <Loader size="xs" m="xs" aria-label="Loading" />}
    </NavLink>
  );
  return link;
}

/** The left rail: the hierarchy to browse, and a search by name. */
export function HierarchyRail() {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const active = useActiveNode();
  const roots = useOrganizations();
  const found = useOrgNodeSearch(query);

  const work = useMyWork();
  const awaiting = work.gates.data?.items.length ?? 0;
  const confirmations = work.confirmable.length;
  const mitigations = work.mitigations.data?.items.length ?? 0;
  return (
    <Stack gap="xs" h="100%">
      <NavLink
        component={Link}
        to="/work"
        label="My work"
        active={useMatch('/work') !== null}
        styles={LINK_STYLES}
        description={[
          `${awaiting} ${awaiting === 1 ? 'gate awaits' : 'gates await'} your key`,
          ...(work.closures.isFetched ? [`${confirmations} ${confirmations === 1 ? 'closure awaits' : 'closures await'} confirmation`] : []),
          ...(mitigations > 0 ? [`${mitigations} S&OP ${mitigations === 1 ? 'mitigation' : 'mitigations'} missing`] : []),
        ].join(' · ')}
      />
      <NavLink component={Link} to="/notifications" label="Notifications" active={useMatch('/notifications') !== null} styles={LINK_STYLES} description="What I was told, and how I want to be told" />
      <TextInput label="Find a node" placeholder="Organization, unit or program" value={search} onChange={(event) => setSearch(event.currentTarget.value)} />
      <ScrollArea style={{ flex: 1 }}>
        {query.length > 0 ? (
          found.data?.items.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              No node is named like &quot;{query}&quot;.
            </Text>
          ) : (
            found.data?.items.map((node) => (
              <NavLink key={node.id} component={Link} to={`/nodes/${node.id}`} label={node.name} description={[...node.path, KIND_NAMES[node.kind]].join(' › ')} active={active === node.id} styles={LINK_STYLES} />
            ))
          )
        ) : roots.isLoading ? (
          <Loader size="sm" aria-label="Loading the hierarchy" />
        ) : roots.data?.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            No organization yet. An admin adds one through the API; `npm run up` seeds a demo organization.
          </Text>
        ) : (
          roots.data?.items.map((node) => <TreeNode key={node.id} node={node} />)
        )}
      </ScrollArea>
    </Stack>
  );
}
