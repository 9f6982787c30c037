import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_STORAGE_KEY,
  MEMBER_CONVERSATION_STORAGE_KEY,
  readConversationId,
  rememberConversationId,
} from './conversation-storage';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

const ID = '3f2c1a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';

describe('conversation storage', () => {
  it('keeps and reads back the conversation id under one key', () => {
    const storage = memoryStorage();
    rememberConversationId(storage, ID);
    expect(storage.values.get(CONVERSATION_STORAGE_KEY)).toBe(ID);
    expect(readConversationId(storage)).toBe(ID);
  });

  it('forgets it for a new conversation', () => {
    const storage = memoryStorage();
    rememberConversationId(storage, ID);
    rememberConversationId(storage, undefined);
    expect(readConversationId(storage)).toBeUndefined();
  });

  it('keeps the member app’s conversation apart from the public page’s', () => {
    const storage = memoryStorage();
    rememberConversationId(storage, ID, MEMBER_CONVERSATION_STORAGE_KEY);
    expect(readConversationId(storage)).toBeUndefined();
    expect(readConversationId(storage, MEMBER_CONVERSATION_STORAGE_KEY)).toBe(ID);
  });

  it('ignores what is not a conversation id', () => {
    const storage = memoryStorage();
    storage.setItem(CONVERSATION_STORAGE_KEY, 'not-a-uuid');
    expect(readConversationId(storage)).toBeUndefined();
  });

  it('works on when storage is refused', () => {
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readConversationId(refusing)).toBeUndefined();
    expect(() => rememberConversationId(refusing, ID)).not.toThrow();
    expect(readConversationId(undefined)).toBeUndefined();
  });
});
