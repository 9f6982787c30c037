import MiniSearch from 'minisearch';
import type { CalculatorKind } from '@union/contracts/assistant';
import { RateBook, type RateRow } from '../calculators/index.js';
import { searchTermsOf, STRONG_DOMAIN_PHRASES, WEAK_DOMAIN_PHRASES } from '../language/index.js';

/**
 * What the assistant knows, in memory: the documents, their articles, the live curated answers and the
 * dated rates, with a BM25 index over questions, answers and articles. Built from the database at start
 * and again whenever a reviewer puts a version live; answering never touches the database.
 */

export interface KnowledgeDocument {
  id: number;
  number: string;
  kind: string;
  title: string;
  shortTitle: string;
  issuer: string;
  issuedOn: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  amends: string[];
  replaces: string[];
  sourceUrl: string | null;
}

export interface KnowledgeArticle {
  id: number;
  document: string;
  number: number;
  title: string;
  summary: string;
  effectiveFrom: string | null;
}

export interface ArticleCitation {
  document: string;
  article: number;
}

export interface KnowledgeAnswer {
  answerId: number;
  versionId: number;
  key: string;
  topic: string;
  questions: string[];
  answer: string;
  citations: ArticleCitation[];
  calculator: CalculatorKind | null;
  validFrom: string;
  validTo: string | null;
}

export interface KnowledgeContent {
  documents: KnowledgeDocument[];
  articles: KnowledgeArticle[];
  answers: KnowledgeAnswer[];
  rates: RateRow[];
}

/** One entry of the index: a phrasing of a curated answer, an answer's text, or an article. */
interface Passage {
  id: string;
  text: string;
  answer?: KnowledgeAnswer;
  article?: KnowledgeArticle;
}

export interface Candidate {
  answer?: KnowledgeAnswer;
  article?: KnowledgeArticle;
  score: number;
  /** Share of the question's weight (IDF) that this candidate's best passage matched, 0–1. */
  coverage: number;
}

/** Phrasings weigh more than an answer's own text: they are how people ask. */
const ANSWER_TEXT_WEIGHT = 0.6;
/** An answer matched by two of its phrasings is likelier the one: the second adds half its score. */
const SECOND_PASSAGE_WEIGHT = 0.5;
const ARTICLE_WEIGHT = 0.8;
/**
 * A compound's own syllables, and adjacent-syllable pairs, restate words already counted: they weigh
 * less, so "công ty" does not count four times against a rarer word.
 */
const PART_BOOST = 0.5;
const PAIR_BOOST = 0.6;
/**
 * The law's own words carry a question ("tăng ca", "tối đa", "thai sản"); the everyday ones around them
 * ("công ty", "lương") say little about which rule is meant.
 */
const CONCEPT_BOOST = 1.5;
const EVERYDAY_BOOST = 0.5;
const CONCEPTS = new Set(
  [...STRONG_DOMAIN_PHRASES, 'toi da', 'toi thieu', 'it nhat'].map((p) => p.replaceAll(' ', '_')),
);
const EVERYDAY = new Set(WEAK_DOMAIN_PHRASES.map((p) => p.replaceAll(' ', '_')));
const termBoost = (term: string, partsOfWords: ReadonlySet<string>): number => {
  if (CONCEPTS.has(term)) return CONCEPT_BOOST;
  if (EVERYDAY.has(term)) return EVERYDAY_BOOST;
  if (partsOfWords.has(term)) return PART_BOOST;
  return term.includes('+') ? PAIR_BOOST : 1;
};

export const articleKey = (document: string, article: number) => `${document}#${article}`;

export class Knowledge {
  readonly documents = new Map<string, KnowledgeDocument>();
  readonly articles = new Map<string, KnowledgeArticle>();
  readonly articlesById = new Map<number, KnowledgeArticle>();
  readonly answers: KnowledgeAnswer[];
  readonly rates: RateBook;
  private readonly index: MiniSearch<Passage>;
  private readonly passages = new Map<string, Passage>();
  private readonly documentFrequency = new Map<string, number>();
  private passageCount = 0;

  constructor(content: KnowledgeContent) {
    for (const document of content.documents) this.documents.set(document.number, document);
    for (const article of content.articles) {
      this.articles.set(articleKey(article.document, article.number), article);
      this.articlesById.set(article.id, article);
    }
    this.answers = content.answers;
    this.rates = new RateBook(content.rates);
    this.index = new MiniSearch<Passage>({
      fields: ['text'],
      storeFields: [],
      tokenize: (text) => searchTermsOf(text),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(' ').filter(Boolean), processTerm: (term) => term },
    });
    const passages: Passage[] = [];
    for (const answer of content.answers) {
      answer.questions.forEach((question, i) =>
        passages.push({ id: `q${answer.versionId}:${i}`, text: question, answer }),
      );
      passages.push({ id: `a${answer.versionId}`, text: answer.answer, answer });
    }
    for (const article of content.articles) {
      passages.push({ id: `r${article.id}`, text: `${article.title}. ${article.summary}`, article });
    }
    for (const passage of passages) {
      this.passages.set(passage.id, passage);
      for (const term of new Set(searchTermsOf(passage.text))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
    this.passageCount = passages.length;
    this.index.addAll(passages);
  }

  /** Inverse document frequency; a word the knowledge never uses weighs most. */
  idf(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.passageCount - df + 0.5) / (df + 0.5));
  }

  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** The best answers and articles for a question's terms, each scored by its best passage. */
  search(terms: readonly string[], onDate: string, limit = 5): Candidate[] {
    if (terms.length === 0) return [];
    const distinct = [...new Set(terms)];
    // Confidence counts words, not syllable pairs: a pair the knowledge never wrote is no sign of a stray topic.
    const weighed = (term: string) => (term.includes('+') ? 0 : this.idf(term));
    const totalWeight = distinct.reduce((sum, term) => sum + weighed(term), 0);
    const partsOfWords = new Set(distinct.filter((t) => t.includes('_')).flatMap((t) => t.split('_')));
    const results = this.index.search(distinct.join(' '), {
      boostTerm: (term) => termBoost(term, partsOfWords),
      combineWith: 'OR',
      // One typo in a long word ("thoi_viec" typed "thoi_vec"); short syllables would match too much.
      fuzzy: (term) => (term.length >= 6 && !term.includes('+') ? 0.15 : false),
      weights: { fuzzy: 0.5, prefix: 0 },
    });
    const best = new Map<string, Candidate>();
    const supported = new Set<string>();
    for (const result of results) {
      const passage = this.passages.get(result.id as string)!;
      const weight = passage.article ? ARTICLE_WEIGHT : passage.id.startsWith('a') ? ANSWER_TEXT_WEIGHT : 1;
      const owner = passage.answer ? `answer:${passage.answer.answerId}` : `article:${passage.article!.id}`;
      if (passage.answer && !this.answerValidOn(passage.answer, onDate)) continue;
      if (passage.article && !this.articleInForce(passage.article, onDate)) continue;
      const matched = result.queryTerms.reduce((sum, term) => sum + weighed(term), 0);
      const candidate: Candidate = {
        answer: passage.answer,
        article: passage.article,
        score: result.score * weight,
        coverage: totalWeight > 0 ? matched / totalWeight : 0,
      };
      const previous = best.get(owner);
      if (!previous) best.set(owner, candidate);
      else {
        // Results come best first: only the second-best passage adds to the best one.
        if (!supported.has(owner)) previous.score += candidate.score * SECOND_PASSAGE_WEIGHT;
        supported.add(owner);
        previous.coverage = Math.max(previous.coverage, candidate.coverage);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  documentInForce(number: string, onDate: string): boolean {
    const document = this.documents.get(number);
    if (!document) return false;
    return (
      document.effectiveFrom <= onDate && (document.effectiveTo === null || document.effectiveTo >= onDate)
    );
  }

  articleInForce(article: KnowledgeArticle, onDate: string): boolean {
    return this.documentInForce(article.document, onDate);
  }

  /** A curated answer applies while its own dates hold and every article it cites is in force. */
  answerValidOn(answer: KnowledgeAnswer, onDate: string): boolean {
    if (answer.validFrom > onDate || (answer.validTo !== null && answer.validTo < onDate)) return false;
    return answer.citations.every((c) => this.documentInForce(c.document, onDate));
  }

  article(citation: ArticleCitation): KnowledgeArticle | undefined {
    return this.articles.get(articleKey(citation.document, citation.article));
  }
}
