import { TextInput } from '@mantine/core';
import { formatDay } from '../format/instant';

/**
 * A calendar day typed with the browser's date picker, echoed beneath it as
 * every page shows a day ("15 Apr 2027"), so that what is typed and what is
 * shown read alike whatever the browser's own order of day and month.
 */
export function DayInput({ label, value, onChange }: { label: string; value: string; onChange: (day: string) => void }) {
  return (
    <TextInput
      label={label}
      type="date"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : 'pick the day'}
    />
  );
}
