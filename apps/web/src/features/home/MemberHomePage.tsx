import {
  Anchor,
  Badge,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconBuildingCommunity, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { MEMBER_NAVIGATION, UPCOMING_CAPABILITIES } from '../../app/member-navigation';
import { ErrorState } from '../../ui/states';
import { useMe } from '../auth/session';
import { NotificationItem } from '../member-app/components/NotificationItem';
import { useLatestNotifications, useOwnUnion } from '../member-app/queries';
import classes from './MemberHomePage.module.css';

/** How many unread notifications the home page shows; the rest are one tap away. */
const UNREAD_SHOWN = 3;

function OwnUnionCard() {
  const { t } = useTranslation();
  const union = useOwnUnion();
  if (union.isPending) return <Skeleton height={72} radius="md" />;
  if (union.isError)
    return <ErrorState message={errorMessage(union.error)} onRetry={() => void union.refetch()} />;
  if (union.data === null)
    return (
      <Paper withBorder p="md">
        <Text fw={500}>{t('memberApp.union.noRecord')}</Text>
        <Text size="sm" c="dimmed">
          {t('memberApp.union.noRecordHint')}
        </Text>
      </Paper>
    );
  return (
    <Card component={Link} to="/my-union" withBorder padding="md" className={classes.tile}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
          <IconBuildingCommunity size={28} stroke={1.6} aria-hidden style={{ flexShrink: 0 }} />
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              {t('memberApp.home.yourUnion')}
            </Text>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {union.data.unit.name}
            </Text>
          </div>
        </Group>
        <IconChevronRight size={18} aria-hidden style={{ flexShrink: 0 }} />
      </Group>
    </Card>
  );
}

function OwnUnionSection() {
  const { t } = useTranslation();
  const pending = useOwnUnion().isPending;
  return (
    <section aria-labelledby="home-union" aria-busy={pending}>
      <VisuallyHidden component="h2" id="home-union">
        {t('memberApp.home.yourUnion')}
      </VisuallyHidden>
      <OwnUnionCard />
    </section>
  );
}

function UnreadNotifications() {
  const { t } = useTranslation();
  const latest = useLatestNotifications();
  const unread = latest.data?.items.filter((item) => item.readAt === null).slice(0, UNREAD_SHOWN) ?? [];

  return (
    <section aria-labelledby="home-notifications" aria-busy={latest.isPending}>
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} size="h4" id="home-notifications">
          {t('memberApp.home.unread')}
        </Title>
        <Anchor component={Link} to="/notifications" size="sm">
          {t('memberApp.home.allNotifications')}
        </Anchor>
      </Group>
      {latest.isPending ? (
        <Skeleton height={88} radius="md" />
      ) : latest.isError ? (
        <ErrorState message={errorMessage(latest.error)} onRetry={() => void latest.refetch()} />
      ) : unread.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('memberApp.home.noUnread')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0}>
          {unread.map((item) => (
            <NotificationItem key={item.id} notification={item} fresh />
          ))}
        </Stack>
      )}
    </section>
  );
}

/** The member app's home: who I am, my union, what is new, and the services, today's and coming. */
export function MemberHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const card = MEMBER_NAVIGATION.find((item) => item.tile === 'card');
  const tiles = MEMBER_NAVIGATION.flatMap(({ tile, ...item }) =>
    tile && tile !== 'card' ? [{ ...item, tile }] : [],
  );

  return (
    <Stack gap="lg">
      <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>
        {t('home.greeting', { name: me.fullName })}
      </Title>

      {card && (
        <Card component={Link} to={card.to} padding="lg" radius="md" className={classes.cardShortcut}>
          <Group justify="space-between" wrap="nowrap">
            <Group wrap="nowrap" gap="sm">
              <card.icon size={32} stroke={1.6} aria-hidden />
              <div>
                <Text fw={700}>{t('memberApp.tiles.card.title')}</Text>
                <Text size="sm">{t('memberApp.tiles.card.hint')}</Text>
              </div>
            </Group>
            <IconChevronRight size={20} aria-hidden />
          </Group>
        </Card>
      )}

      <OwnUnionSection />

      <UnreadNotifications />

      <section aria-labelledby="home-services">
        <Title order={2} size="h4" mb="sm" id="home-services">
          {t('memberApp.home.services')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {tiles.map((item) => (
            <Card
              key={item.to}
              component={Link}
              to={item.to}
              withBorder
              padding="md"
              className={classes.tile}
            >
              <Group wrap="nowrap" gap="sm">
                <item.icon size={28} stroke={1.6} aria-hidden style={{ flexShrink: 0 }} />
                <div>
                  <Text fw={600}>{t(`memberApp.tiles.${item.tile}.title`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`memberApp.tiles.${item.tile}.hint`)}
                  </Text>
                </div>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="home-upcoming">
        <Title order={2} size="h4" mb="sm" id="home-upcoming">
          {t('memberApp.upcoming.title')}
        </Title>
        <SimpleGrid component="ul" cols={{ base: 2, xs: 3 }} spacing="sm" p={0} m={0}>
          {UPCOMING_CAPABILITIES.map((capability) => (
            <Paper key={capability.key} component="li" withBorder p="sm" className={classes.upcoming}>
              <capability.icon size={24} stroke={1.6} aria-hidden />
              <Text size="sm" fw={500}>
                {t(`memberApp.upcoming.${capability.key}`)}
              </Text>
              <Badge size="xs" variant="light" color="gray">
                {t('memberApp.upcoming.soon')}
              </Badge>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
