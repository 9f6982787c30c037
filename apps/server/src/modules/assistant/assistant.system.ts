import { randomUUID } from 'node:crypto';
import type { Db } from '../../kernel/db/database.js';
import { assistantConversations, assistantMessages, legalCases } from './assistant.schema.js';

/**
 * Demo data: a question a worker left on the public page, handed over with a contact, waiting in the
 * queue of the Hà Nội federation's legal advisers (the demo login `tuvan`).
 */
export async function unsafeSeedAssistantDemo(tx: Db, unit: { id: number; path: string }): Promise<void> {
  const conversationId = randomUUID();
  const question =
    'Công ty bắt em ký cam kết không nhận tiền tăng ca, không ký thì không cho làm tiếp. Em có nên ký không, nhờ công đoàn tư vấn giúp em.';
  await tx.insert(assistantConversations).values({ id: conversationId });
  await tx.insert(assistantMessages).values([
    { conversationId, role: 'user', text: question },
    {
      conversationId,
      role: 'assistant',
      outcome: 'handover',
      text: 'Trường hợp của bạn cần tư vấn viên pháp luật của Công đoàn xem xét cụ thể, vì mỗi vụ việc phụ thuộc vào giấy tờ và hoàn cảnh riêng.',
    },
  ]);
  await tx.insert(legalCases).values({
    conversationId,
    question,
    reason: 'contact',
    handlingUnitId: unit.id,
    handlingUnitPath: unit.path,
    contactName: 'Nguyễn Thị Mai',
    contactPhone: '0901234567',
  });
}
