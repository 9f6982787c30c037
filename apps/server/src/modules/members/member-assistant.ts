import type { Actor } from '../../kernel/access/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { findOwnMember } from './member-corrections.js';

/**
 * What the legal assistant may know of the member asking: where a question that needs a person goes
 * (the province-level union above them), and the name an adviser addresses. Nothing else.
 */
export interface AssistantMember {
  id: number;
  fullName: string;
  provinceId: number | null;
}

export async function findOwnAssistantMember(db: Db, actor: Actor): Promise<AssistantMember | undefined> {
  const row = await findOwnMember(db, actor);
  return row ? { id: row.id, fullName: row.fullName, provinceId: row.provinceId } : undefined;
}
