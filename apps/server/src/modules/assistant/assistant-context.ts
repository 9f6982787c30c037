import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { AssistantEngine } from './engine/assistant-engine.js';
import type { Knowledge } from './engine/knowledge.js';
import { importKnowledgeSeed, loadKnowledge } from './knowledge-store.js';
import { warmSegmenter } from './language/index.js';

/**
 * The assistant's live knowledge. Questions read the current snapshot; a reviewer's approval builds a
 * new one and swaps it in, so nobody waits on a rebuild. Other servers pick the change up on their next
 * check of the knowledge's version (`refreshIfChanged`).
 */
export class AssistantContext {
  private current: { knowledge: Knowledge; engine: AssistantEngine; version: string } | undefined;

  constructor(
    readonly db: Db,
    readonly now: () => Date,
  ) {}

  /** Imports the repository's seed if it changed, then builds the first snapshot. */
  async start(): Promise<{ loadMs: number; imported: boolean }> {
    const started = performance.now();
    warmSegmenter();
    const imported = await importKnowledgeSeed(this.db);
    await this.reload();
    return { loadMs: Math.round(performance.now() - started), imported };
  }

  async reload(): Promise<void> {
    const version = await this.knowledgeVersion();
    const knowledge = await loadKnowledge(this.db);
    this.current = { knowledge, engine: new AssistantEngine(knowledge), version };
  }

  async refreshIfChanged(): Promise<void> {
    if (!this.current || (await this.knowledgeVersion()) !== this.current.version) await this.reload();
  }

  get engine(): AssistantEngine {
    if (!this.current) throw new Error('The assistant has not loaded its knowledge');
    return this.current.engine;
  }

  get knowledge(): Knowledge {
    if (!this.current) throw new Error('The assistant has not loaded its knowledge');
    return this.current.knowledge;
  }

  /** Changes whenever a version goes live or the seed is imported: the newest review time and row counts. */
  private async knowledgeVersion(): Promise<string> {
    const rows = await queryRows<{ v: string }>(
      this.db,
      sql`select concat_ws(':',
         (select max(reviewed_at)::text from curated_answer_versions where status in ('live', 'superseded')),
         (select count(*) from curated_answer_versions where status = 'live'),
         (select max(imported_at)::text from legal_knowledge_seeds),
         (select max(updated_at)::text from legal_documents)) as v`,
    );
    return rows[0]?.v ?? '';
  }
}
