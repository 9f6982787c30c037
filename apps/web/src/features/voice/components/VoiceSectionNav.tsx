import { Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { useVoiceTranslation } from '../voice-i18n';

const SECTIONS = [
  { to: '/voice', label: 'sections.mine' },
  { to: '/voice/proposals', label: 'sections.proposals' },
  { to: '/surveys', label: 'sections.surveys' },
] as const;

/** The member's three voice screens, one tap apart (the bottom tabs are full). */
export function VoiceSectionNav({ current }: { current: (typeof SECTIONS)[number]['to'] }) {
  const { t } = useVoiceTranslation();
  return (
    <Group component="nav" aria-label={t('sections.label')} gap="xs" mb="md" wrap="nowrap">
      {SECTIONS.map((section) => (
        <Button
          key={section.to}
          component={Link}
          to={section.to}
          size="sm"
          radius="xl"
          variant={section.to === current ? 'filled' : 'light'}
          aria-current={section.to === current ? 'page' : undefined}
          style={{ flex: '1 1 0', minWidth: 0 }}
        >
          {t(section.label)}
        </Button>
      ))}
    </Group>
  );
}
