import { Alert, Button, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconHeart, IconHeartFilled, IconInfoCircle } from '@tabler/icons-react';
import type { VoiceItemDto } from '@union/contracts/voice';
import { errorMessage } from '../../../app/api-client';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { formatCount } from '../../statistics/figure-format';
import { useSupportVoiceItem } from '../queries';
import { useVoiceTranslation } from '../voice-i18n';

/** A proposal's support: how many, how far from the count that obliges an answer, and my own. */
export function SupportPanel({ item }: { item: VoiceItemDto }) {
  const { t } = useVoiceTranslation();
  const support = useSupportVoiceItem(item.id);
  const threshold = item.supportThreshold;
  const share = threshold ? Math.min(100, (100 * item.supportCount) / threshold) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="voice-support">
      <Stack gap="sm">
        <Title order={2} size="h4" id="voice-support">
          {t('support.title')}
        </Title>
        {threshold && share !== null ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('support.progress', {
                count: formatCount(item.supportCount),
                threshold: formatCount(threshold),
              })}
            </Text>
            <Progress
              value={share}
              size="lg"
              color={item.answerRequired ? 'green' : 'teal'}
              aria-label={t('support.progressLabel')}
              aria-valuetext={t('support.progress', {
                count: formatCount(item.supportCount),
                threshold: formatCount(threshold),
              })}
            />
          </Stack>
        ) : (
          <Text size="sm" fw={600}>
            {t('support.count', { count: formatCount(item.supportCount) })}
          </Text>
        )}
        {item.answerRequired && (
          <Alert color="green" variant="light" p="sm" icon={<IconInfoCircle size={18} />}>
            {t('support.required')}
          </Alert>
        )}
        {item.mine && (
          <Text size="sm" c="dimmed">
            {t('support.own')}
          </Text>
        )}
        {item.supportedByMe && (
          <Text size="sm" c="teal.8" role="status">
            {t('support.supported')}
          </Text>
        )}
        {(item.can.support || item.supportedByMe) && (
          <Button
            h={48}
            variant={item.supportedByMe ? 'default' : 'filled'}
            color="teal"
            leftSection={item.supportedByMe ? <IconHeart size={20} /> : <IconHeartFilled size={20} />}
            loading={support.isPending}
            onClick={() => support.mutate(!item.supportedByMe)}
          >
            {item.supportedByMe ? t('support.withdraw') : t('support.support')}
          </Button>
        )}
        <FormErrorAlert message={support.error ? errorMessage(support.error) : undefined} />
      </Stack>
    </Paper>
  );
}
