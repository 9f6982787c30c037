import { ActionIcon, Alert, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCamera, IconFileTypePdf, IconPaperclip, IconPhoto, IconX } from '@tabler/icons-react';
import { VOICE_ATTACHMENT_MAX_BYTES, VOICE_ATTACHMENTS_PER_ITEM } from '@union/contracts/voice';
import { useState } from 'react';
import {
  ATTACHMENT_ACCEPT,
  type AttachmentProblem,
  checkAttachments,
  formatFileSize,
} from '../attachment-checks';
import { useVoiceTranslation } from '../voice-i18n';

type Rejected = { name: string; problem: AttachmentProblem };

/**
 * Files chosen for a complaint, checked in the browser before any byte is sent: from the gallery or
 * the file manager, or a photo taken there and then. `kept` counts files already on the item.
 */
export function AttachmentPicker({
  files,
  onChange,
  kept = 0,
  disabled,
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  kept?: number;
  disabled?: boolean;
}) {
  const { t } = useVoiceTranslation();
  const [rejected, setRejected] = useState<Rejected[]>([]);
  const full = kept + files.length >= VOICE_ATTACHMENTS_PER_ITEM;
  const maxSize = formatFileSize(VOICE_ATTACHMENT_MAX_BYTES);

  const add = (picked: File[] | File | null) => {
    const list = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
    const check = checkAttachments(kept + files.length, list);
    setRejected(check.rejected.map(({ file, problem }) => ({ name: file.name, problem })));
    if (check.accepted.length > 0) onChange([...files, ...check.accepted]);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('attachments.hint', { count: VOICE_ATTACHMENTS_PER_ITEM, size: maxSize })}
      </Text>
      {files.length > 0 && (
        <Stack component="ul" gap={6} p={0} m={0}>
          {files.map((file, index) => (
            <Paper
              component="li"
              key={`${file.name}-${String(index)}`}
              withBorder
              p="xs"
              style={{ listStyle: 'none' }}
            >
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  {file.type === 'application/pdf' ? (
                    <IconFileTypePdf size={20} aria-hidden style={{ flexShrink: 0 }} />
                  ) : (
                    <IconPhoto size={20} aria-hidden style={{ flexShrink: 0 }} />
                  )}
                  <Text size="sm" truncate>
                    {file.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {formatFileSize(file.size)}
                  </Text>
                </Group>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  onClick={() => onChange(files.filter((_, other) => other !== index))}
                  aria-label={t('attachments.remove', { name: file.name })}
                  disabled={disabled}
                >
                  <IconX size={18} />
                </ActionIcon>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {rejected.length > 0 && (
        <Alert color="red" variant="light" p="sm" role="alert">
          <Stack gap={2}>
            {rejected.map((item) => (
              <Text key={item.name} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t(`attachments.problem.${item.problem}`, {
                  name: item.name,
                  size: maxSize,
                  count: VOICE_ATTACHMENTS_PER_ITEM,
                })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Group gap="xs">
        <FileButton onChange={add} accept={ATTACHMENT_ACCEPT} multiple disabled={disabled || full}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconPaperclip size={18} />} h={44}>
              {t('attachments.pick')}
            </Button>
          )}
        </FileButton>
        <FileButton onChange={add} accept="image/*" capture="environment" disabled={disabled || full}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconCamera size={18} />} h={44}>
              {t('attachments.photo')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}
