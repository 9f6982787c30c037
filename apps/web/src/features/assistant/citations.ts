import type { ArticleRef, CitationDto } from '@union/contracts/assistant';

/**
 * A citation as a chip reads it: "Điều 113 · Bộ luật Lao động 2019 (45/2019/QH14)". The number in
 * brackets is left out when the document's name already carries it.
 */
export function citationLabel(citation: Pick<CitationDto, 'article' | 'document' | 'number'>): string {
  const document = citation.document.trim();
  const number = citation.number.trim();
  const named = !document
    ? number
    : number && !document.includes(number)
      ? `${document} (${number})`
      : document;
  return `${citation.article.trim()} · ${named}`;
}

/** A curated answer's reference, which holds the document number and the article's number only. */
export function articleRefLabel(ref: ArticleRef): string {
  return `Điều ${String(ref.article)} · ${ref.document}`;
}

/** "Điều 113" → 113; `null` when the text names no article number. */
export function articleNumberOf(article: string): number | null {
  const match = /(\d+)/.exec(article);
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** The public page of one article. */
export const lawArticlePath = (articleId: number) => `/phap-luat/dieu/${String(articleId)}`;

/** The public page of a document, by its number ("45/2019/QH14" carries slashes, so it goes in the query). */
export const lawDocumentPath = (number: string) =>
  `/phap-luat/van-ban?${new URLSearchParams({ so: number })}`;

/** The distinct references cited in a conversation, in order, as rows of a curated answer's form. */
export function citedRefs(citations: readonly Pick<CitationDto, 'number' | 'article'>[]): ArticleRef[] {
  const refs: ArticleRef[] = [];
  for (const citation of citations) {
    const article = articleNumberOf(citation.article);
    if (article === null) continue;
    if (refs.some((ref) => ref.document === citation.number && ref.article === article)) continue;
    refs.push({ document: citation.number, article });
  }
  return refs;
}
