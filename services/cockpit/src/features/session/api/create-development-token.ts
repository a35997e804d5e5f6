import type { DevelopmentTokenView } from '@tollgate/contracts/views';
import { call } from '../../../lib/api/client';

/** `POST /api/development/tokens`: a development token for one of the demo people. */
export function createDevelopmentToken(sub: string): Promise<DevelopmentTokenView> {
  return call<DevelopmentTokenView>('plans', '/api/development/tokens', { method: 'POST', body: { sub } });
}
