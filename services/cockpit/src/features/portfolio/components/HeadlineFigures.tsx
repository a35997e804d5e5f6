import type { PortfolioRealizationView, PortfolioSummaryView, TargetWaterfallView } from '@tollgate/contracts/views';
import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Problem } from '../../../lib/feedback/Refusal';
import { formatMoneyShort, formatRate } from '../../../lib/format/money';
import { formatPeriod } from '../../../lib/format/period';
import { COLOURS } from '../figure-colours';

function Figure({ label, value, hint, colour, to }: { label: string; value: string; hint?: string; colour?: string; to?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {/* A figure with `to` leads to what it is made of. */}
      {to ? (
        <Anchor component={Link} to={to} size="xl" fw={700} c={colour} data-figure={label} aria-label={`${label} ${value}: the initiatives it is made of`} style={{ display: 'block' }}>
          {value}
        </Anchor>
      ) : (
        <Text size="xl" fw={700} c={colour} data-figure={label}>
          {value}
        </Text>
      )}
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The headline figures of a node: target, planned, forecast, confirmed by finance, benefit realization and leakage; the value figures lead to the initiatives they are made of. */
export function HeadlineFigures({ summary, realization, waterfall, currency, from, to, made }: {
  summary: UseQueryResult<PortfolioSummaryView>;
  realization: UseQueryResult<PortfolioRealizationView>;
  waterfall: UseQueryResult<TargetWaterfallView>;
  currency: string;
  from: string;
  to: string;
  made: string;
}) {
  const target = waterfall.data?.steps[0]?.amount ?? 0;
  return (
    <section aria-labelledby="figures">
      <Title order={2} size="h3" id="figures" mb="xs">
        Headline figures
      </Title>
      {summary.error ? (
        <Problem error={summary.error} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <Figure label="Target" value={waterfall.data ? formatMoneyShort(target, currency) : '…'} hint={`${formatPeriod(from)} to ${formatPeriod(to)}`} />
          <Figure label="Planned" to={made} value={summary.data ? formatMoneyShort(summary.data.total.planned, currency) : '…'} hint={summary.data ? `${summary.data.total.count} ${summary.data.total.count === 1 ? 'initiative' : 'initiatives'}` : undefined} colour={COLOURS.planned} />
          <Figure label="Forecast" to={made} value={summary.data ? formatMoneyShort(summary.data.total.forecast, currency) : '…'} colour={COLOURS.forecast} />
          <Figure label="Confirmed" to={made} value={summary.data ? formatMoneyShort(summary.data.total.confirmed, currency) : '…'} hint="confirmed by finance" colour={COLOURS.confirmed} />
          <Figure label="Benefit realization" value={realization.data ? formatRate(realization.data.benefitRealizationRate) : '…'} hint="confirmed ÷ baseline" />
          <Figure label="Leakage" value={realization.data ? (realization.data.leakage === null ? 'n/a' : formatMoneyShort(realization.data.leakage, currency)) : '…'} hint="baseline − confirmed, closed" />
        </SimpleGrid>
      )}
    </section>
  );
}
