import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../lib/format/money';

/** Finance's word in its own colour, apart from plan and forecast: the colour of confirmed value everywhere. */
export const CONFIRMED_COLOUR = '#1e6b30';

/** The three value columns every list of the portfolio shows, in one order: planned, forecast, confirmed by finance. */
export function ValueHeads() {
  return (
    <>
      <Table.Th ta="right">Planned</Table.Th>
      <Table.Th ta="right">Forecast</Table.Th>
      <Table.Th ta="right">Confirmed by finance</Table.Th>
    </>
  );
}

/** Their cells; `confirmedTo` leads from the confirmed value to the confirmations under it. */
export function ValueCells({ planned, forecast, confirmed, currency, confirmedTo }: { planned: number; forecast: number; confirmed: number; currency: string; confirmedTo?: string }) {
  return (
    <>
      <Table.Td ta="right">{formatMoney(planned, currency)}</Table.Td>
      <Table.Td ta="right">{formatMoney(forecast, currency)}</Table.Td>
      <Table.Td ta="right" c={CONFIRMED_COLOUR} fw={600}>
        {confirmedTo ? (
          <Anchor component={Link} to={confirmedTo} c={CONFIRMED_COLOUR} fw={600}>
            {formatMoney(confirmed, currency)}
          </Anchor>
        ) : (
          formatMoney(confirmed, currency)
        )}
      </Table.Td>
    </>
  );
}
