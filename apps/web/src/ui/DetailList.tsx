import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type Detail = { label: string; value: ReactNode };

/** Label–value pairs as a description list: one column on phones, more on wider screens. */
export function DetailList({ details }: { details: readonly Detail[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
      {details.map((detail) => (
        <div key={detail.label}>
          <Text component="dt" size="xs" c="dimmed" fw={500}>
            {detail.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {detail.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
