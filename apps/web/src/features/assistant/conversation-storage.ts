/**
 * The public page keeps the conversation it is in for the tab's life (sessionStorage): a reload, or a
 * look at a cited article and the way back, keeps the chat. Only the id is kept, never the text.
 */
export const CONVERSATION_STORAGE_KEY = 'congdoanso.assistant.conversation';
/** The member app's chat, kept apart from the public page's (whose conversation has no owner). */
export const MEMBER_CONVERSATION_STORAGE_KEY = 'congdoanso.assistant.memberConversation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type KeptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The kept id, if it looks like one; storage refused (private browsing) reads as none. */
export function readConversationId(
  storage: KeptStorage | undefined,
  key = CONVERSATION_STORAGE_KEY,
): string | undefined {
  try {
    const stored = storage?.getItem(key);
    return stored && UUID.test(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the id, or forgets it (`undefined`: a new conversation). */
export function rememberConversationId(
  storage: KeptStorage | undefined,
  id: string | undefined,
  key = CONVERSATION_STORAGE_KEY,
): void {
  try {
    if (id) storage?.setItem(key, id);
    else storage?.removeItem(key);
  } catch {
    // Storage refused: the chat still works, it just does not survive a reload.
  }
}

/** The tab's sessionStorage, where there is one. */
export function sessionStore(): KeptStorage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
