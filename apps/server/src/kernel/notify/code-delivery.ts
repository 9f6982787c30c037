import type { FastifyBaseLogger } from 'fastify';

/** Where a one-time code goes: a member's phone (SMS, Zalo) or an officer's inbox. */
export interface CodeRecipient {
  accountId: number;
  phone: string | null;
  email: string | null;
}

export interface OneTimeCodeMessage {
  purpose: 'password_reset' | 'login';
  code: string;
  expiresInMinutes: number;
}

/**
 * The seam for SMS, Zalo ZNS or e-mail providers. An implementation sends the code and resolves once
 * the provider has accepted it; it must never log the code in production. Register one in buildApp.
 */
export interface CodeDelivery {
  readonly name: string;
  deliver(recipient: CodeRecipient, message: OneTimeCodeMessage): Promise<void>;
}

/** Development: prints the code to the server log instead of sending it. */
export function consoleCodeDelivery(log: FastifyBaseLogger): CodeDelivery {
  return {
    name: 'console',
    async deliver(recipient, message) {
      log.warn(
        { accountId: recipient.accountId, to: recipient.phone ?? recipient.email, purpose: message.purpose },
        `Mã xác thực (chỉ hiện ở môi trường phát triển): ${message.code}`,
      );
    },
  };
}

/** Keeps delivered codes in memory: for tests and scripted demos that read back what was sent. */
export function outboxCodeDelivery(): CodeDelivery & { sent: Array<CodeRecipient & OneTimeCodeMessage> } {
  const sent: Array<CodeRecipient & OneTimeCodeMessage> = [];
  return {
    name: 'outbox',
    sent,
    async deliver(recipient, message) {
      sent.push({ ...recipient, ...message });
    },
  };
}
