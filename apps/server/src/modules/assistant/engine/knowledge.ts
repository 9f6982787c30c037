import type { CalculatorKind } from '@union/contracts/assistant';
import { RateBook, type RateRow } from '../calculators/index.js';
import { Bm25Index, type WeightedTerm } from './bm25-index.js';
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

interface Hit {
  passage: number;
  score: number;
}

interface Tally {
  answer?: KnowledgeAnswer;
  article?: KnowledgeArticle;
  best: Hit;
  second?: Hit;
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
/** A word the knowledge never uses (a name, a place, a detail of the story) weighs less than its IDF. */
const UNKNOWN_WORD_WEIGHT = 0.6;
/** Words in more than this share of passages are left out of the search (still counted in confidence). */
const COMMON_SHARE = 0.3;
/** A typo's match counts half. */
const TYPO_WEIGHT = 0.5;
/** The best passages looked at; the answers and articles they belong to are then ranked. */
const PASSAGES_CONSIDERED = 300;
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
  private readonly index: Bm25Index;
  private readonly passages: Passage[] = [];
  private readonly passageTerms: ReadonlySet<string>[] = [];

  constructor(content: KnowledgeContent) {
    for (const document of content.documents) this.documents.set(document.number, document);
    for (const article of content.articles) {
      this.articles.set(articleKey(article.document, article.number), article);
      this.articlesById.set(article.id, article);
    }
    this.answers = content.answers;
    this.rates = new RateBook(content.rates);
    for (const answer of content.answers) {
      answer.questions.forEach((question, i) =>
        this.passages.push({ id: `q${answer.versionId}:${i}`, text: question, answer }),
      );
      this.passages.push({ id: `a${answer.versionId}`, text: answer.answer, answer });
    }
    for (const article of content.articles) {
      this.passages.push({ id: `r${article.id}`, text: `${article.title}. ${article.summary}`, article });
    }
    const terms = this.passages.map((passage) => searchTermsOf(passage.text));
    for (const words of terms) this.passageTerms.push(new Set(words));
    this.index = new Bm25Index(terms);
  }

  /** Inverse document frequency; a word the knowledge never uses weighs most. */
  idf(term: string): number {
    const df = this.index.documentFrequency(term);
    return Math.log(1 + (this.index.size - df + 0.5) / (df + 0.5));
  }

  /** The share of passages that hold the term. */
  private share(term: string): number {
    return this.index.documentFrequency(term) / Math.max(1, this.index.size);
  }

  knows(term: string): boolean {
    return this.index.documentFrequency(term) > 0;
  }

  /** The best answers and articles for a question's terms, each scored by its best passage. */
  search(terms: readonly string[], onDate: string, limit = 5): Candidate[] {
    if (terms.length === 0) return [];
    const distinct = [...new Set(terms)];
    // Confidence counts words, not syllable pairs: a pair the knowledge never wrote is no sign of a stray topic.
    const weighed = (term: string) =>
      term.includes('+') ? 0 : this.knows(term) ? this.idf(term) : this.idf(term) * UNKNOWN_WORD_WEIGHT;
    const totalWeight = distinct.reduce((sum, term) => sum + weighed(term), 0);
    const partsOfWords = new Set(distinct.filter((t) => t.includes('_')).flatMap((t) => t.split('_')));
    // Words in a large share of passages ("làm", "công ty") rank almost nothing but make the search touch
    // nearly every passage; they are left out of the search and still counted in the confidence.
    const searched = distinct.filter((term) => this.share(term) <= COMMON_SHARE);
    const query: WeightedTerm[] = [];
    // A word the knowledge never uses may be a typo of one it does ("thoi_vec" for "thoi_viec"); short
    // syllables are left alone, they would match too much.
    const typoOf = new Map<string, string>();
    (searched.length > 0 ? searched : distinct).forEach((term, origin) => {
      const boost = termBoost(term, partsOfWords);
      if (this.knows(term) || term.length < 6 || term.includes('+')) query.push({ term, boost, origin });
      else {
        for (const near of this.index.nearTerms(term)) {
          query.push({ term: near, boost: boost * TYPO_WEIGHT, origin });
          typoOf.set(near, term);
        }
      }
    });
    const results = this.index.search(query, PASSAGES_CONSIDERED);
    // Each answer or article is scored by its best passage, plus half its second best (an answer two of
    // whose phrasings match is likelier the one). Confidence is worked out for the few that may be shown.
    const tallies = new Map<string, Tally>();
    const valid = new Map<string, boolean>();
    for (const result of results) {
      const passage = this.passages[result.document]!;
      const owner = passage.answer ? `answer:${passage.answer.answerId}` : `article:${passage.article!.id}`;
      let isValid = valid.get(owner);
      if (isValid === undefined) {
        isValid = passage.answer
          ? this.answerValidOn(passage.answer, onDate)
          : this.articleInForce(passage.article!, onDate);
        valid.set(owner, isValid);
      }
      if (!isValid) continue;
      const weight = passage.article ? ARTICLE_WEIGHT : passage.id.startsWith('a') ? ANSWER_TEXT_WEIGHT : 1;
      const hit = { passage: result.document, score: result.score * weight };
      const tally = tallies.get(owner);
      if (!tally) tallies.set(owner, { answer: passage.answer, article: passage.article, best: hit });
      else if (hit.score > tally.best.score) {
        tally.second = tally.best;
        tally.best = hit;
      } else if (!tally.second || hit.score > tally.second.score) tally.second = hit;
    }
    const weightOf = new Map(distinct.map((term) => [term, weighed(term)]));
    const coverageOf = (hit: Hit) => {
      const words = this.passageTerms[hit.passage]!;
      const found = new Set<string>();
      for (const [near, term] of typoOf) if (words.has(near)) found.add(term);
      let matched = 0;
      for (const [term, weight] of weightOf) if (words.has(term) || found.has(term)) matched += weight;
      return totalWeight > 0 ? matched / totalWeight : 0;
    };
    return [...tallies.values()]
      .map((t) => ({ tally: t, score: t.best.score + (t.second?.score ?? 0) * SECOND_PASSAGE_WEIGHT }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ tally, score }) => ({
        answer: tally.answer,
        article: tally.article,
        score,
        coverage: Math.max(coverageOf(tally.best), tally.second ? coverageOf(tally.second) : 0),
      }));
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
