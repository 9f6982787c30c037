import { asc, eq, sql } from 'drizzle-orm';
import type {
  LegalArticleDto,
  LegalDocumentDetailDto,
  LegalDocumentDto,
  LegalDocumentList,
} from '@union/contracts/assistant';
import { DomainError } from '../../kernel/errors.js';
import { todayInVietnam } from '../../kernel/time.js';
import type { AssistantContext } from './assistant-context.js';
import { legalArticles, legalDocuments } from './assistant.schema.js';

/**
 * The law as the platform shows it to anyone: documents with their validity and what amends or replaces
 * what, and each article's text or summary. Citations in the assistant's answers link here.
 */

type DocumentRow = typeof legalDocuments.$inferSelect;

function documentDto(
  row: DocumentRow,
  all: readonly DocumentRow[],
  articleCount: number,
  today: string,
): LegalDocumentDto {
  return {
    number: row.number,
    kind: row.kind,
    title: row.title,
    shortTitle: row.shortTitle,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    inForce: row.effectiveFrom <= today && (row.effectiveTo === null || row.effectiveTo >= today),
    amends: row.amends,
    replaces: row.replaces,
    amendedBy: all.filter((d) => d.amends.includes(row.number)).map((d) => d.number),
    replacedBy: all.filter((d) => d.replaces.includes(row.number)).map((d) => d.number),
    sourceUrl: row.sourceUrl,
    articleCount,
  };
}

async function allDocuments(context: AssistantContext) {
  const rows = await context.db.select().from(legalDocuments).orderBy(asc(legalDocuments.effectiveFrom));
  const counts = await context.db
    .select({ documentId: legalArticles.documentId, count: sql<number>`count(*)::int` })
    .from(legalArticles)
    .groupBy(legalArticles.documentId);
  return { rows, countOf: new Map(counts.map((c) => [c.documentId, c.count])) };
}

export async function listDocuments(context: AssistantContext): Promise<LegalDocumentList> {
  const today = todayInVietnam(context.now());
  const { rows, countOf } = await allDocuments(context);
  return { items: rows.map((row) => documentDto(row, rows, countOf.get(row.id) ?? 0, today)) };
}

export async function getDocument(
  context: AssistantContext,
  number: string,
): Promise<LegalDocumentDetailDto> {
  const today = todayInVietnam(context.now());
  const { rows, countOf } = await allDocuments(context);
  const row = rows.find((d) => d.number === number);
  if (!row) throw new DomainError('law.document_not_found');
  const articles = await context.db
    .select({ id: legalArticles.id, number: legalArticles.number, title: legalArticles.title })
    .from(legalArticles)
    .where(eq(legalArticles.documentId, row.id))
    .orderBy(asc(legalArticles.number));
  return {
    document: documentDto(row, rows, countOf.get(row.id) ?? 0, today),
    articles: articles.map((a) => ({ ...a, article: `Điều ${a.number}` })),
  };
}

export async function getArticle(context: AssistantContext, id: number): Promise<LegalArticleDto> {
  const [article] = await context.db.select().from(legalArticles).where(eq(legalArticles.id, id));
  if (!article) throw new DomainError('law.article_not_found');
  const today = todayInVietnam(context.now());
  const { rows, countOf } = await allDocuments(context);
  const document = rows.find((d) => d.id === article.documentId)!;
  return {
    id: article.id,
    document: documentDto(document, rows, countOf.get(document.id) ?? 0, today),
    article: `Điều ${article.number}`,
    number: article.number,
    title: article.title,
    summary: article.summary,
    clauses: article.clauses,
    sourceUrl: article.sourceUrl,
    verified: article.verified,
  };
}
