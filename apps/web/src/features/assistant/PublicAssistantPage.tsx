import { Alert, Anchor, Button, Group } from '@mantine/core';
import { IconBooks, IconLogin, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { useSession } from '../auth/session';
import { useAssistantTranslation } from './assistant-i18n';
import { AssistantChat } from './components/AssistantChat';
import { PublicFrame } from './components/PublicFrame';
import { readConversationId, rememberConversationId, sessionStore } from './conversation-storage';

const LOGIN_PATH = `/login?${new URLSearchParams({ next: '/assistant' })}`;

/**
 * "Trợ lý pháp luật" for anyone, signed in or not (/tro-ly-phap-luat): the conversation survives a
 * reload or a look at a cited article, kept in this tab only.
 */
export function PublicAssistantPage() {
  const { t } = useAssistantTranslation();
  const session = useSession();
  const [chat, setChat] = useState(() => ({ key: 0, id: readConversationId(sessionStore()) }));
  const remember = useCallback((id: string | undefined) => rememberConversationId(sessionStore(), id), []);
  const restart = () => {
    remember(undefined);
    setChat((current) => ({ key: current.key + 1, id: undefined }));
  };
  const signedIn = Boolean(session.data);

  return (
    <PublicFrame>
      <PageHeader
        title={t('title')}
        actions={
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} />} onClick={restart}>
            {t('chat.newChat')}
          </Button>
        }
      />
      {signedIn && (
        <Alert color="blue" variant="light" p="sm" mb="md">
          {t('publicPage.signedInAs')}{' '}
          <Anchor component={Link} to="/assistant" size="sm">
            {t('publicPage.openInApp')}
          </Anchor>
        </Alert>
      )}
      <AssistantChat
        key={chat.key}
        initialConversationId={chat.id}
        onConversationChange={remember}
        loginPath={LOGIN_PATH}
      />
      <Group gap="md" mt="lg" justify="center">
        <Anchor component={Link} to="/phap-luat" size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconBooks size={16} aria-hidden />
            {t('publicPage.lawLink')}
          </Group>
        </Anchor>
        {!signedIn && (
          <Anchor component={Link} to={LOGIN_PATH} size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <IconLogin size={16} aria-hidden />
              {t('publicPage.loginLink')}
            </Group>
          </Anchor>
        )}
      </Group>
    </PublicFrame>
  );
}
