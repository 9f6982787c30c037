import type { AssistantOutcome, CalculatorKind } from '@union/contracts/assistant';
import { withoutControlCharacters } from '../../../kernel/text/control-characters.js';
import {
  calculate,
  detectCalculation,
  extractFigures,
  mergeFigures,
  MissingRateError,
  type Figures,
} from '../calculators/index.js';
import { foldedPhrase, searchTermsOf } from '../language/index.js';
import {
  domainStrength,
  handoverCue,
  isFollowUp,
  isGreeting,
  isUnreadable,
  mentionsOtherTopic,
} from './question-cues.js';
import type { ArticleCitation, Candidate, Knowledge, KnowledgeAnswer } from './knowledge.js';

/**
 * Turns one question (and what came before it in the conversation) into a reply. Pure and in memory:
 * the service around it stores the turn, opens cases and writes the audit.
 *
 * Order of decisions: unreadable or empty → ask again; a person's concrete dispute → adviser; not labour
 * or union law → decline with where to turn; an amount to compute → calculator; else the best curated
 * answer or article, unless the match is too weak to trust → adviser.
 */

/** What a conversation remembers between turns. Stored as JSON with the conversation. */
export interface ConversationMemory {
  /** The search terms of the last question that had a topic: a follow-up borrows them. */
  topicTerms?: string[];
  calculator?: CalculatorKind;
  figures?: Figures;
  answerKey?: string;
}

export interface EngineReply {
  outcome: AssistantOutcome;
  text: string;
  citations: ArticleCitation[];
  confidence: number;
  formula?: string;
  /** The curated answer the reply came from. */
  answer?: KnowledgeAnswer;
  suggestions: string[];
  memory: ConversationMemory;
  /** Why a handover or decline happened, for the adviser and the review list. */
  reason?: 'dispute' | 'low_confidence' | 'out_of_scope' | 'other_law';
}

/**
 * Below this confidence the best match is not trusted. Confidence is the share of the question's weight
 * (IDF) that the best passage matched, so a question with words the knowledge never uses scores low.
 */
export const MIN_CONFIDENCE = 0.3;
/** A question with only everyday words ("lương", "công ty") must be matched better to be answered. */
const WEAK_QUESTION_CONFIDENCE = 0.5;
const OTHER_TOPIC_CONFIDENCE = 0.6;

export const REPLIES = {
  empty:
    'Bạn hãy gõ câu hỏi về lao động hoặc công đoàn, ví dụ: "Làm 3 năm nghỉ việc được trợ cấp bao nhiêu?"',
  unreadable:
    'Mình chưa đọc được câu hỏi này. Bạn gõ lại bằng tiếng Việt giúp mình nhé, có dấu hay không dấu đều được.',
  greeting:
    'Chào bạn! Mình là trợ lý pháp luật của Công đoàn. Bạn cứ hỏi về hợp đồng, lương, tăng ca, nghỉ phép, thai sản, bảo hiểm, nghỉ việc hay công đoàn nhé.',
  outOfScope:
    'Câu hỏi này nằm ngoài phạm vi pháp luật lao động và công đoàn mà mình hỗ trợ. Với các việc dân sự, đất đai, hôn nhân, giao thông hay hình sự, bạn có thể liên hệ Trung tâm trợ giúp pháp lý nhà nước của tỉnh, thành phố hoặc một văn phòng luật sư. Nếu bạn có thắc mắc về việc làm, tiền lương, bảo hiểm hay công đoàn, mình sẵn sàng trả lời.',
  dispute:
    'Trường hợp của bạn cần tư vấn viên pháp luật của Công đoàn xem xét cụ thể, vì mỗi vụ việc phụ thuộc vào giấy tờ và hoàn cảnh riêng.',
  lowConfidence:
    'Mình chưa chắc đã hiểu đúng câu hỏi để trả lời theo đúng quy định. Mình sẽ chuyển câu hỏi cho tư vấn viên pháp luật của Công đoàn.',
} as const;

export class AssistantEngine {
  constructor(private readonly knowledge: Knowledge) {}

  reply(question: string, memory: ConversationMemory, onDate: string): EngineReply {
    const text = withoutControlCharacters(question).trim();
    if (text === '') return this.simple('needs_info', REPLIES.empty, memory);
    if (isUnreadable(text)) return this.simple('needs_info', REPLIES.unreadable, memory);
    const phrase = foldedPhrase(text);
    if (isGreeting(phrase)) return this.simple('needs_info', REPLIES.greeting, memory);

    const ownTerms = searchTermsOf(text);
    const followUp = memory.topicTerms !== undefined && isFollowUp(phrase);
    const terms = followUp ? [...ownTerms, ...memory.topicTerms!] : ownTerms;
    const strength = followUp ? 'strong' : domainStrength(phrase);
    const otherTopic = mentionsOtherTopic(phrase);
    const candidates = strength === 'none' ? [] : this.knowledge.search(terms, onDate);

    if (strength !== 'none' && handoverCue(phrase)) {
      return {
        outcome: 'handover',
        text: REPLIES.dispute,
        citations: this.trusted(candidates[0]) ? this.citationsOf(candidates[0]!, onDate).slice(0, 1) : [],
        confidence: candidates[0]?.coverage ?? 0,
        suggestions: [],
        memory: { ...memory, topicTerms: ownTerms },
        reason: 'dispute',
      };
    }
    // Not labour or union law at all, or another field's words with nothing of ours beside them.
    if (strength === 'none' || (strength === 'weak' && otherTopic)) {
      return {
        ...this.simple('out_of_scope', REPLIES.outOfScope, memory),
        reason: otherTopic ? 'other_law' : 'out_of_scope',
      };
    }

    const calculation = this.calculation(text, followUp, memory, candidates, onDate);
    if (calculation) return calculation;

    const best = candidates[0];
    // With only everyday words ("lương", "công ty") the match itself must carry the question.
    // Another field's words ("thuê nhà", "mèo", "đi đâu chơi") beside ours need a closer match still.
    const enough = otherTopic
      ? OTHER_TOPIC_CONFIDENCE
      : strength === 'weak'
        ? WEAK_QUESTION_CONFIDENCE
        : MIN_CONFIDENCE;
    if (!best || best.coverage < enough) {
      // Only everyday words ("lương", "công ty") and no good match: most likely not a labour question.
      if (strength === 'weak' || otherTopic) {
        return { ...this.simple('out_of_scope', REPLIES.outOfScope, memory), reason: 'out_of_scope' };
      }
      return {
        outcome: 'handover',
        text: REPLIES.lowConfidence,
        citations: [],
        confidence: best?.coverage ?? 0,
        suggestions: this.suggestionsFrom(candidates, undefined),
        memory,
        reason: 'low_confidence',
      };
    }
    const citations = this.citationsOf(best, onDate);
    const body = best.answer ? best.answer.answer : this.articleAnswer(best);
    return {
      outcome: 'answered',
      text: `${body}\n\n${this.legalBasis(citations)}`,
      citations,
      confidence: round(best.coverage),
      answer: best.answer,
      suggestions: this.suggestionsFrom(candidates, best),
      memory: {
        topicTerms: ownTerms.length > 0 && !followUp ? ownTerms : memory.topicTerms,
        answerKey: best.answer?.key,
        calculator: best.answer?.calculator ?? undefined,
        figures: memory.figures,
      },
    };
  }

  private trusted(candidate: Candidate | undefined): boolean {
    return candidate !== undefined && candidate.coverage >= MIN_CONFIDENCE;
  }

  /** An amount to compute: the calculator's answer, or what it still needs to know. */
  private calculation(
    question: string,
    followUp: boolean,
    memory: ConversationMemory,
    candidates: Candidate[],
    onDate: string,
  ): EngineReply | undefined {
    const asked = detectCalculation(question);
    const figures = extractFigures(question);
    const kind =
      asked ?? (followUp && memory.calculator && hasFigures(figures) ? memory.calculator : undefined);
    if (!kind) return undefined;
    const known =
      memory.calculator === kind && memory.figures ? mergeFigures(memory.figures, figures) : figures;
    let result;
    try {
      result = calculate(kind, known, this.knowledge.rates, onDate);
    } catch (error) {
      // A figure the law needs has no rate in force on that day: answer with the rule, never a guess.
      if (error instanceof MissingRateError) return undefined;
      throw error;
    }
    const nextMemory: ConversationMemory = {
      topicTerms: followUp ? memory.topicTerms : searchTermsOf(question),
      calculator: kind,
      figures: known,
    };
    const ruleAnswer =
      candidates.find((c) => c.answer?.calculator === kind)?.answer ??
      this.knowledge.answers.find((a) => a.calculator === kind && this.knowledge.answerValidOn(a, onDate));
    if (result.outcome === 'computed') {
      // The rows a result used, led by the articles its curated answer names first (the rule, not the
      // 8-hour day the hourly wage was derived from).
      const rank = (c: ArticleCitation) => {
        const i =
          ruleAnswer?.citations.findIndex((r) => r.document === c.document && r.article === c.article) ?? -1;
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
      };
      const citations = result.citations
        .filter((c) => this.knowledge.documentInForce(c.document, onDate))
        .sort((a, b) => rank(a) - rank(b));
      return {
        outcome: 'answered',
        text: `${result.text}\n\n${this.legalBasis(citations)}`,
        citations,
        confidence: 1,
        formula: result.formula,
        answer: ruleAnswer,
        suggestions: [],
        memory: nextMemory,
      };
    }
    const citations = ruleAnswer ? this.inForce(ruleAnswer.citations, onDate) : [];
    const rule = ruleAnswer ? `${ruleAnswer.answer}\n\n` : '';
    return {
      outcome: 'needs_info',
      text: `${rule}${result.text}`,
      citations,
      confidence: ruleAnswer ? 1 : 0.5,
      answer: ruleAnswer,
      suggestions: [],
      memory: nextMemory,
    };
  }

  private citationsOf(candidate: Candidate, onDate: string): ArticleCitation[] {
    if (candidate.answer) return this.inForce(candidate.answer.citations, onDate);
    const article = candidate.article!;
    return [{ document: article.document, article: article.number }];
  }

  /** Expired documents are never cited as current law. */
  private inForce(citations: readonly ArticleCitation[], onDate: string): ArticleCitation[] {
    return citations.filter(
      (c) => this.knowledge.documentInForce(c.document, onDate) && this.knowledge.article(c),
    );
  }

  private articleAnswer(candidate: Candidate): string {
    const article = candidate.article!;
    return `Theo quy định tại Điều ${article.number} (${article.title}): ${article.summary}`;
  }

  legalBasis(citations: readonly ArticleCitation[]): string {
    if (citations.length === 0) return '';
    const lines = citations.map((c) => {
      const document = this.knowledge.documents.get(c.document);
      const article = this.knowledge.article(c);
      return `• Điều ${c.article}${article ? ` (${article.title})` : ''}, ${document?.shortTitle ?? c.document} (${c.document})`;
    });
    return `Căn cứ pháp lý:\n${lines.join('\n')}`;
  }

  private suggestionsFrom(candidates: readonly Candidate[], chosen: Candidate | undefined): string[] {
    return candidates
      .filter((c) => c !== chosen && c.answer && c.answer.key !== chosen?.answer?.key)
      .slice(0, 3)
      .map((c) => c.answer!.questions[0]!);
  }

  private simple(outcome: AssistantOutcome, text: string, memory: ConversationMemory): EngineReply {
    return { outcome, text, citations: [], confidence: 0, suggestions: [], memory };
  }
}

const hasFigures = (figures: Figures) => Object.values(figures).some((v) => v !== undefined);
const round = (value: number) => Math.round(Math.min(1, value) * 100) / 100;
