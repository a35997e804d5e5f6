import type { DemoPeopleView } from '@tollgate/contracts/views';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/api/client';

/** `GET /api/development/people`: whom one may sign in as on a local stack. */
export function getDemoPeople(): Promise<DemoPeopleView> {
  return call<DemoPeopleView>('plans', '/api/development/people');
}

/** The demo people, read once, where the development sign-in is offered. */
export function useDemoPeople(enabled: boolean) {
  return useQuery({ queryKey: ['demo-people'], queryFn: getDemoPeople, enabled, refetchInterval: false });
}
