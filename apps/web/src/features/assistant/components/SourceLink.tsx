import { Anchor, Group } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useAssistantTranslation } from '../assistant-i18n';

/** "Nguồn văn bản": where the official text can be read, opened outside the platform. */
export function SourceLink({ href }: { href: string }) {
  const { t } = useAssistantTranslation();
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        {t('law.source')}
        <IconExternalLink size={14} aria-hidden />
      </Group>
    </Anchor>
  );
}
