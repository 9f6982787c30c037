import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ArticleRef, CalculatorKind } from '@union/contracts/assistant';
import type { Db } from '../../kernel/db/database.js';
import type { RateRow } from './calculators/index.js';
import { Knowledge, type KnowledgeContent } from './engine/knowledge.js';
import {
  curatedAnswers,
  curatedAnswerVersions,
  legalArticles,
  legalDocuments,
  legalKnowledgeSeeds,
  legalRates,
} from './assistant.schema.js';

/**
 * The seed knowledge lives in the repository (`knowledge/*.json`, reviewed like code) and is imported
 * into the database when its content changes. From then on the database is the truth: officers add
 * versions in the console, and a seed change never overwrites a version a person wrote.
 */

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KNOWLEDGE_DIR = path.join(HERE, 'knowledge');
const CALCULATOR_RATES = path.join(HERE, 'calculators', 'calculator-rates.json');
const SEED_NAME = 'repository';
const SEED_AUTHOR = 'Kho kiến thức khởi tạo';

interface SeedDocument {
  number: string;
  kind: string;
  title: string;
  shortTitle: string;
  issuer: string;
  issuedOn?: string | null;
  effectiveFrom: string;
  effectiveTo?: string | null;
  amends?: string[];
  replaces?: string[];
  sourceUrl?: string | null;
  sourceNote?: string | null;
}

interface SeedArticle {
  document: string;
  article: number;
  title: string;
  summary: string;
  clauses?: { number: string; text: string }[];
  topics?: string[];
  effectiveFrom?: string | null;
  sourceUrl?: string | null;
  verified?: string | null;
}

interface SeedAnswer {
  id: string;
  topic: string;
  questions: string[];
  answer: string;
  citations: ArticleRef[];
  calculator?: CalculatorKind | null;
  reviewer?: string;
  validFrom: string;
  validTo?: string | null;
}

export interface KnowledgeSeed {
  documents: SeedDocument[];
  articles: SeedArticle[];
  answers: SeedAnswer[];
  rates: RateRow[];
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Every knowledge file in the repository, in a stable order. */
export function readKnowledgeSeed(directory = KNOWLEDGE_DIR): KnowledgeSeed {
  const files = readdirSync(directory)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const of = <T>(prefix: string) =>
    files.filter((f) => f.startsWith(prefix)).flatMap((f) => readJson<T[]>(path.join(directory, f)));
  return {
    documents: of<SeedDocument>('documents'),
    articles: of<SeedArticle>('articles'),
    answers: of<SeedAnswer>('answers'),
    rates: [...of<RateRow>('rates'), ...readJson<RateRow[]>(CALCULATOR_RATES)],
  };
}

/** A seed document's fields as the database and the engine hold them. */
const documentFields = (d: SeedDocument) => ({
  number: d.number,
  kind: d.kind,
  title: d.title,
  shortTitle: d.shortTitle,
  issuer: d.issuer,
  issuedOn: d.issuedOn ?? null,
  effectiveFrom: d.effectiveFrom,
  effectiveTo: d.effectiveTo ?? null,
  amends: d.amends ?? [],
  replaces: d.replaces ?? [],
  sourceUrl: d.sourceUrl ?? null,
});

const hashOf = (seed: KnowledgeSeed) => createHash('sha256').update(JSON.stringify(seed)).digest('hex');

/** Imports the repository's knowledge when it changed since the last import. Returns whether it did. */
export async function importKnowledgeSeed(db: Db, seed = readKnowledgeSeed()): Promise<boolean> {
  const contentHash = hashOf(seed);
  const [current] = await db
    .select()
    .from(legalKnowledgeSeeds)
    .where(eq(legalKnowledgeSeeds.name, SEED_NAME));
  if (current?.contentHash === contentHash) return false;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('legal_knowledge_seed'))`);
    const documentIds = new Map<string, number>();
    for (const d of seed.documents) {
      const values = { ...documentFields(d), sourceNote: d.sourceNote ?? null };
      const [row] = await tx
        .insert(legalDocuments)
        .values(values)
        .onConflictDoUpdate({ target: legalDocuments.number, set: { ...values, updatedAt: sql`now()` } })
        .returning({ id: legalDocuments.id });
      documentIds.set(d.number, row!.id);
    }
    const articleRows = seed.articles
      .filter((a) => documentIds.has(a.document))
      .map((a) => ({
        documentId: documentIds.get(a.document)!,
        number: a.article,
        title: a.title,
        summary: a.summary,
        clauses: a.clauses ?? [],
        topics: a.topics ?? [],
        effectiveFrom: a.effectiveFrom ?? null,
        sourceUrl: a.sourceUrl ?? null,
        verified: a.verified ?? null,
      }));
    for (let i = 0; i < articleRows.length; i += 200) {
      await tx
        .insert(legalArticles)
        .values(articleRows.slice(i, i + 200))
        .onConflictDoUpdate({
          target: [legalArticles.documentId, legalArticles.number],
          set: {
            title: sql`excluded.title`,
            summary: sql`excluded.summary`,
            clauses: sql`excluded.clauses`,
            topics: sql`excluded.topics`,
            effectiveFrom: sql`excluded.effective_from`,
            sourceUrl: sql`excluded.source_url`,
            verified: sql`excluded.verified`,
          },
        });
    }
    for (const r of seed.rates) {
      await tx.execute(sql`
        insert into legal_rates (key, region, value, unit, effective_from, effective_to, document, article)
        values (${r.key}, ${r.region ?? null}, ${r.value}, ${r.unit ?? null}, ${r.effectiveFrom},
                ${r.effectiveTo ?? null}, ${r.document}, ${r.article})
        on conflict (key, coalesce(region, ''), effective_from) do update
          set value = excluded.value, unit = excluded.unit, effective_to = excluded.effective_to,
              document = excluded.document, article = excluded.article`);
    }
    await importSeedAnswers(tx, seed.answers);
    await tx
      .insert(legalKnowledgeSeeds)
      .values({ name: SEED_NAME, contentHash })
      .onConflictDoUpdate({ target: legalKnowledgeSeeds.name, set: { contentHash, importedAt: sql`now()` } });
  });
  return true;
}

/**
 * A new seed answer goes live as version 1. A changed seed answer gets a new live version only while
 * every version of it came from the seed: once a person has written one, theirs stands.
 */
async function importSeedAnswers(tx: Db, answers: readonly SeedAnswer[]): Promise<void> {
  const existing = await tx.select().from(curatedAnswers);
  const idByKey = new Map(existing.map((a) => [a.key, a.id]));
  const versions = existing.length
    ? await tx.select().from(curatedAnswerVersions).orderBy(asc(curatedAnswerVersions.version))
    : [];
  const versionsOf = new Map<number, (typeof versions)[number][]>();
  for (const v of versions) versionsOf.set(v.answerId, [...(versionsOf.get(v.answerId) ?? []), v]);
  for (const seed of answers) {
    const content = {
      topic: seed.topic,
      questions: seed.questions,
      answer: seed.answer,
      citations: seed.citations,
      calculator: seed.calculator ?? null,
      validFrom: seed.validFrom,
      validTo: seed.validTo ?? null,
    };
    let answerId = idByKey.get(seed.id);
    let nextVersion = 1;
    if (answerId !== undefined) {
      const history = versionsOf.get(answerId) ?? [];
      if (history.some((v) => v.authorAccountId !== null)) continue;
      const live = history.find((v) => v.status === 'live');
      if (live && sameContent(live, content)) continue;
      nextVersion = (history.at(-1)?.version ?? 0) + 1;
      await tx
        .update(curatedAnswerVersions)
        .set({ status: 'superseded' })
        .where(and(eq(curatedAnswerVersions.answerId, answerId), eq(curatedAnswerVersions.status, 'live')));
    } else {
      const [row] = await tx
        .insert(curatedAnswers)
        .values({ key: seed.id })
        .returning({ id: curatedAnswers.id });
      answerId = row!.id;
    }
    await tx.insert(curatedAnswerVersions).values({
      answerId,
      version: nextVersion,
      status: 'live',
      ...content,
      authorName: SEED_AUTHOR,
      reviewerName: seed.reviewer ?? SEED_AUTHOR,
      reviewedAt: sql`now()`,
    });
  }
}

function sameContent(
  row: typeof curatedAnswerVersions.$inferSelect,
  content: Omit<typeof curatedAnswerVersions.$inferInsert, 'answerId' | 'version' | 'status' | 'authorName'>,
): boolean {
  return (
    JSON.stringify([
      row.topic,
      row.questions,
      row.answer,
      row.citations,
      row.calculator,
      row.validFrom,
      row.validTo,
    ]) ===
    JSON.stringify([
      content.topic,
      content.questions,
      content.answer,
      content.citations,
      content.calculator,
      content.validFrom,
      content.validTo,
    ])
  );
}

/** Everything the engine needs, read in four queries. */
export async function loadKnowledgeContent(db: Db): Promise<KnowledgeContent> {
  const documentRows = await db.select().from(legalDocuments);
  const numberOf = new Map(documentRows.map((d) => [d.id, d.number]));
  const articleRows = await db
    .select({
      id: legalArticles.id,
      documentId: legalArticles.documentId,
      number: legalArticles.number,
      title: legalArticles.title,
      summary: legalArticles.summary,
      effectiveFrom: legalArticles.effectiveFrom,
    })
    .from(legalArticles);
  const answerRows = await db
    .select({ version: curatedAnswerVersions, key: curatedAnswers.key })
    .from(curatedAnswerVersions)
    .innerJoin(curatedAnswers, eq(curatedAnswers.id, curatedAnswerVersions.answerId))
    .where(inArray(curatedAnswerVersions.status, ['live']));
  const rateRows = await db.select().from(legalRates);
  return {
    documents: documentRows.map((d) => ({
      id: d.id,
      number: d.number,
      kind: d.kind,
      title: d.title,
      shortTitle: d.shortTitle,
      issuer: d.issuer,
      issuedOn: d.issuedOn,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: d.effectiveTo,
      amends: d.amends,
      replaces: d.replaces,
      sourceUrl: d.sourceUrl,
    })),
    articles: articleRows.map((a) => ({
      id: a.id,
      document: numberOf.get(a.documentId)!,
      number: a.number,
      title: a.title,
      summary: a.summary,
      effectiveFrom: a.effectiveFrom,
    })),
    answers: answerRows.map(({ version: v, key }) => ({
      answerId: v.answerId,
      versionId: v.id,
      key,
      topic: v.topic,
      questions: v.questions,
      answer: v.answer,
      citations: v.citations,
      calculator: (v.calculator as CalculatorKind | null) ?? null,
      validFrom: v.validFrom,
      validTo: v.validTo,
    })),
    rates: rateRows.map((r) => ({
      key: r.key,
      region: r.region,
      value: Number(r.value),
      unit: r.unit ?? undefined,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      document: r.document,
      article: r.article,
    })),
  };
}

export async function loadKnowledge(db: Db): Promise<Knowledge> {
  return new Knowledge(await loadKnowledgeContent(db));
}

/**
 * The seed as the engine would see it after import, without a database: for the quality benchmark and
 * tests of the engine. Ids are positions, stable for one seed.
 */
export function knowledgeFromSeed(seed: KnowledgeSeed = readKnowledgeSeed()): Knowledge {
  const documents = seed.documents.map((d, i) => ({ id: i + 1, ...documentFields(d) }));
  return new Knowledge({
    documents,
    articles: seed.articles.map((a, i) => ({
      id: i + 1,
      document: a.document,
      number: a.article,
      title: a.title,
      summary: a.summary,
      effectiveFrom: a.effectiveFrom ?? null,
    })),
    answers: seed.answers.map((a, i) => ({
      answerId: i + 1,
      versionId: i + 1,
      key: a.id,
      topic: a.topic,
      questions: a.questions,
      answer: a.answer,
      citations: a.citations,
      calculator: a.calculator ?? null,
      validFrom: a.validFrom,
      validTo: a.validTo ?? null,
    })),
    rates: seed.rates,
  });
}
