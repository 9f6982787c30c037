import { Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';

/** A long job's progress as the user watches it: what is happening, how far, and what to do meanwhile. */
export function JobProgressBar({
  label,
  percent,
  queued,
  hint,
}: {
  label: string;
  percent: number;
  /** Not started yet: a full, moving bar rather than an empty one. */
  queued: boolean;
  hint: string;
}) {
  const labelId = useId();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500} id={labelId} aria-live="polite">
        {label}
      </Text>
      <Progress
        value={queued ? 100 : percent}
        size="lg"
        striped
        animated
        aria-labelledby={labelId}
        aria-valuetext={label}
      />
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}
