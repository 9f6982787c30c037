import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';

/** The frame of the screens seen before signing in: brand, language switch, one card. */
export function PublicPageLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" px="sm" py="xl">
      <Center>
        <Stack w="100%" maw={420} gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <img src="/icon.svg" alt="" width={36} height={36} />
              <Text fw={700} size="lg">
                {t('app.name')}
              </Text>
            </Group>
            <LanguageSwitch />
          </Group>
          <Paper component="main" withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md">
            <Title order={1} size="h3" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
