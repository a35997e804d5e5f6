import { Alert, Grid, Skeleton, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { DEFAULT_CURRENCY } from '@tollgate/domain';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api/client';
import { useCockpitSettings } from '../../lib/api/get-cockpit-settings';
import { minorUnitsPerMajor } from '../../lib/format/money';
import { useInitiative } from './api/get-initiative';
import { useNotificationsAbout } from '../notifications/api/get-notifications';
import { useSopActions } from '../sop/api/get-sop-actions';
import { InitiativeActions } from './components/InitiativeActions';
import { toldBesideAudit } from '../notifications/told-beside-audit';
import { useInitiativeAudit } from './api/get-initiative-audit';
import { useInitiativeConfirmations } from './api/get-initiative-confirmations';
import { useInitiativeLedger } from './api/get-initiative-ledger';
import { useRecordedForecasts } from './api/get-recorded-forecasts';
import { Actions } from './components/Actions';
import { AuditTrail } from './components/AuditTrail';
import { Confirmations } from './components/Confirmations';
import { DoiTrack } from './components/DoiTrack';
import { Gates } from './components/Gates';
import { InitiativeHeader } from './components/InitiativeHeader';
import { Milestones } from './components/Milestones';
import { RecordedForecasts } from './components/RecordedForecasts';
import { ValueChart } from './components/ValueChart';
import { currentViewer } from './initiative-rights';

/** One initiative: its DoI track with each gate's evidence and keys, milestones, value per month, the audit trail, and what the person may do. */
export function InitiativePage() {
  const { initiativeId = '' } = useParams();
  const viewer = currentViewer();
  const queries = useQueryClient();
  const settings = useCockpitSettings();
  const initiative = useInitiative(initiativeId);
  const audit = useInitiativeAudit(initiativeId);
  const told = useNotificationsAbout(initiativeId);
  const asked = useSopActions({ subject: initiativeId, status: 'all' });
  const confirmations = useInitiativeConfirmations(initiativeId);
  const recorded = useRecordedForecasts(initiativeId);
  const ledger = useInitiativeLedger(initiativeId);
  const refresh = () => void queries.invalidateQueries({ predicate: (query) => query.queryKey.includes(initiativeId) });

  const currency = initiative.data?.currency ?? DEFAULT_CURRENCY;
  const minor = minorUnitsPerMajor(currency);

  // A failed refresh keeps the last figures on screen (and every form as typed); only a first failure replaces the page.
  if (initiative.error && !initiative.data) {
    return (
      <Alert color="red" title="This initiative could not be shown" role="alert">
        {initiative.error instanceof ApiError ? `${initiative.error.message}. ${initiative.error.advice}` : String(initiative.error)}
      </Alert>
    );
  }
  const data = initiative.data;
  if (!data) return <Skeleton h={400} />;

  return (
    <Stack gap="lg">
      <InitiativeHeader data={data} currency={currency} settings={settings.data} />

      {/* Every stage up to the current one is passed: the next one is where the initiative is heading. */}
      <DoiTrack data={data} />

      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ValueChart ledger={ledger.data} currency={currency} minor={minor} />
            <Confirmations confirmations={confirmations} />
            <RecordedForecasts record={recorded.data} currency={currency} />
            <InitiativeActions actions={asked} me={viewer} currency={currency} />
            <Milestones data={data} />
            <Gates data={data} />
            <AuditTrail audit={audit.data} told={toldBesideAudit(audit.data ?? [], told.data?.notifications ?? [])} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Actions initiative={data} viewer={viewer} onDone={refresh} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
