import { useQuery } from '@tanstack/react-query';
import { loadSettings } from './client';

/** `GET /api/cockpit/settings`, read once: where the services are and how people sign in. */
export function useCockpitSettings() {
  return useQuery({ queryKey: ['cockpit-settings'], queryFn: loadSettings, refetchInterval: false });
}
