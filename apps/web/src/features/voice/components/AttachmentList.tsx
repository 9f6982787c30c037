import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import type { VoiceAttachmentDto } from '@union/contracts/voice';
import { errorMessage } from '../../../app/api-client';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { formatFileSize } from '../attachment-checks';
import { useDownloadVoiceAttachment } from '../queries';
import { useVoiceTranslation } from '../voice-i18n';

/** The item's files, each fetched through the API so a refusal shows its message, not a broken page. */
export function AttachmentList({
  itemId,
  attachments,
}: {
  itemId: number;
  attachments: readonly VoiceAttachmentDto[];
}) {
  const { t } = useVoiceTranslation();
  const download = useDownloadVoiceAttachment(itemId);
  if (attachments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('attachments.none')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Stack component="ul" gap={6} p={0} m={0}>
        {attachments.map((attachment) => (
          <li key={attachment.id} style={{ listStyle: 'none' }}>
            <Button
              variant="subtle"
              justify="flex-start"
              fullWidth
              h="auto"
              py={8}
              leftSection={
                attachment.contentType === 'application/pdf' ? (
                  <IconFileTypePdf size={20} aria-hidden />
                ) : (
                  <IconPhoto size={20} aria-hidden />
                )
              }
              rightSection={<IconDownload size={18} aria-hidden />}
              loading={download.isPending && download.variables.id === attachment.id}
              onClick={() => download.mutate({ id: attachment.id, fileName: attachment.fileName })}
              aria-label={t('attachments.download', { name: attachment.fileName })}
              styles={{ label: { whiteSpace: 'normal', minWidth: 0 } }}
            >
              <Group gap="xs" component="span" wrap="nowrap" style={{ minWidth: 0 }}>
                <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {attachment.fileName}
                </Text>
                <Text span size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {formatFileSize(attachment.size)}
                </Text>
              </Group>
            </Button>
          </li>
        ))}
      </Stack>
      <FormErrorAlert message={download.error ? errorMessage(download.error) : undefined} />
    </Stack>
  );
}
