import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../app/layout/LanguageSwitch';

/**
 * The frame of the assistant's and the law's public pages: brand, language switch, a column as wide
 * as a chat reads well, no card around it (a phone needs every pixel of its 360).
 */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" px="sm" pt="sm" pb="xl">
      <Stack maw={720} mx="auto" gap="md">
        <Group justify="space-between" wrap="nowrap" component="header">
          <Anchor component={Link} to="/tro-ly-phap-luat" underline="never" c="inherit">
            <Group gap="xs" wrap="nowrap">
              <img src="/icon.svg" alt="" width={32} height={32} />
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
            </Group>
          </Anchor>
          <LanguageSwitch />
        </Group>
        <Box component="main">{children}</Box>
      </Stack>
    </Box>
  );
}
