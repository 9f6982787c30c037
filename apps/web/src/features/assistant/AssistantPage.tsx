import { Button, Tabs } from '@mantine/core';
import { IconHistory, IconMessageChatbot, IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { useAssistantTranslation } from './assistant-i18n';
import { AssistantChat } from './components/AssistantChat';
import { ConversationHistory } from './components/ConversationHistory';
import {
  MEMBER_CONVERSATION_STORAGE_KEY,
  readConversationId,
  rememberConversationId,
  sessionStore,
} from './conversation-storage';

type Tab = 'chat' | 'history';

/**
 * The member's "Trợ lý pháp luật": the chat, and the conversations asked before (where an adviser's
 * reply to a handed-over question is read). A handover opens a case under the member's name.
 */
export function AssistantPage() {
  const { t } = useAssistantTranslation();
  const [tab, setTab] = useState<Tab>('chat');
  const [chat, setChat] = useState(() => ({
    key: 0,
    id: readConversationId(sessionStore(), MEMBER_CONVERSATION_STORAGE_KEY),
  }));
  const remember = useCallback(
    (id: string | undefined) => rememberConversationId(sessionStore(), id, MEMBER_CONVERSATION_STORAGE_KEY),
    [],
  );
  // Opening again (even the conversation on screen) asks the server afresh: the reply may have come.
  const open = (id: string | undefined) => {
    remember(id);
    setChat((current) => ({ key: current.key + 1, id }));
    setTab('chat');
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <Button
            variant="default"
            size="sm"
            leftSection={<IconPlus size={16} />}
            onClick={() => open(undefined)}
          >
            {t('chat.newChat')}
          </Button>
        }
      />
      <Tabs value={tab} onChange={(value) => setTab(value === 'history' ? 'history' : 'chat')}>
        <Tabs.List grow mb="md">
          <Tabs.Tab value="chat" leftSection={<IconMessageChatbot size={18} />}>
            {t('history.tabChat')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={18} />}>
            {t('history.tabHistory')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="chat">
          <AssistantChat
            key={chat.key}
            initialConversationId={chat.id}
            onConversationChange={remember}
            loginPath="/login"
          />
        </Tabs.Panel>
        <Tabs.Panel value="history">{tab === 'history' && <ConversationHistory onOpen={open} />}</Tabs.Panel>
      </Tabs>
    </>
  );
}
