import type {
  AskResponse,
  AssistantOutcome,
  CitationDto,
  ConversationDto,
  LegalCaseStatus,
  MessageRole,
} from '@union/contracts/assistant';

/** One bubble of the chat, whether it came from this visit's answers or from a stored conversation. */
export type ChatMessage = {
  key: string;
  role: MessageRole;
  text: string;
  /** The stored message, for thumbs up or down (assistant messages). */
  messageId: number | null;
  outcome: AssistantOutcome | null;
  citations: CitationDto[];
  formula: string | null;
  suggestions: string[];
  authorName: string | null;
  helpful: boolean | null;
  /** A handover: the case it opened, if the person was signed in. */
  caseId: number | null;
  caseStatus: LegalCaseStatus | null;
  /** A handover without a session: the person may sign in or leave a contact. */
  contactRequested: boolean;
  at: string | null;
};

const base = {
  messageId: null,
  outcome: null,
  citations: [],
  formula: null,
  suggestions: [],
  authorName: null,
  helpful: null,
  caseId: null,
  caseStatus: null,
  contactRequested: false,
  at: null,
} satisfies Omit<ChatMessage, 'key' | 'role' | 'text'>;

/** The question as the person sent it, shown before the answer comes. */
export function userMessage(key: string, text: string): ChatMessage {
  return { ...base, key, role: 'user', text };
}

export function answerMessage(answer: AskResponse): ChatMessage {
  return {
    ...base,
    key: `m${String(answer.messageId)}`,
    role: 'assistant',
    text: answer.answer,
    messageId: answer.messageId,
    outcome: answer.outcome,
    citations: answer.citations,
    formula: answer.formula ?? null,
    suggestions: answer.suggestions ?? [],
    caseId: answer.caseId ?? null,
    contactRequested:
      answer.outcome === 'handover' && answer.caseId === undefined && !!answer.contactRequested,
  };
}

/**
 * A stored conversation as bubbles. The handover message carries the conversation's case; without one,
 * the person (who had no session) may still leave a contact.
 */
export function conversationMessages(conversation: ConversationDto): ChatMessage[] {
  return conversation.messages.map((message) => {
    const handover = message.role === 'assistant' && message.outcome === 'handover';
    return {
      ...base,
      key: `m${String(message.id)}`,
      role: message.role,
      text: message.text,
      messageId: message.id,
      outcome: message.outcome,
      citations: message.citations,
      formula: message.formula,
      authorName: message.authorName,
      helpful: message.helpful,
      caseId: handover ? conversation.caseId : null,
      caseStatus: handover ? conversation.caseStatus : null,
      contactRequested: handover && conversation.caseId === null,
      at: message.at,
    };
  });
}

/** The suggestions worth showing: only the last answer's, so old chips do not pile up. */
export function lastSuggestions(messages: readonly ChatMessage[]): string[] {
  const last = messages.at(-1);
  return last?.role === 'assistant' ? last.suggestions : [];
}

/**
 * What a bubble shows as text. The API's answer repeats the legal basis and the computation in words
 * (for clients without chips, and for reading aloud); the chat shows those as chips and a formula box,
 * so the repeated lines are left out here.
 */
export function bodyText(message: Pick<ChatMessage, 'text' | 'citations' | 'formula'>): string {
  let text = message.text;
  if (message.citations.length > 0) text = text.replace(/\n*Căn cứ pháp lý:\n[\s\S]*$/, '');
  if (message.formula) {
    text = text
      .split('\n')
      .filter((line) => !(line.startsWith('Cách tính:') && line.includes(message.formula!.split(' ')[0]!)))
      .join('\n');
  }
  return text.trim();
}
