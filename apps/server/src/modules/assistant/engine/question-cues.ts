import { OTHER_TOPIC_PHRASES, STRONG_DOMAIN_PHRASES, WEAK_DOMAIN_PHRASES } from '../language/index.js';

/**
 * Cues read from a question's folded phrase (" co nen kien cong ty khong "): the words people use when
 * they need a person, when they follow up on the previous answer, or only say hello. Phrases are matched
 * with spaces around them, so "kien" never matches inside "dieu kien".
 */

/**
 * A concrete dispute or a decision that needs a person: whether to sue, asking someone to act for them,
 * drafting a claim. Asking what the law says about suing ("thời hiệu khởi kiện là bao lâu") is not one.
 */
const ME = '(toi|em|minh|chung toi|bon toi|chung em|tui|anh em)';

const HANDOVER_PATTERNS: readonly RegExp[] = [
  // Asking for a decision only the person can take, with advice.
  / (co nen|nen hay khong|co nen hay khong|nen doi)/,
  / (gap|noi chuyen voi|lien he) (tu van vien|luat su|can bo|nguoi tu van)/,
  / (toi|em|minh|chung toi|bon toi|tui) (muon|dinh|se|can|phai) (kien|khoi kien|to cao|khieu kien|di kien)/,
  // Asking someone to act for them: help, intervene, represent, negotiate, draft.
  // "Tính giúp tôi", "giải thích giúp em" ask the assistant itself.
  new RegExp(
    `(?<! (tinh|tra loi|giai thich|cho biet|xem|huong dan|chi|noi))  ?(giup|ho tro|can thiep|dai dien|bao ve|cuu) (cho )?${ME}`,
  ),
  / (co ai|ai|ben minh|cong doan|luat su) (co the )?(giup|ho tro|can thiep)/,
  / can thiep /,
  new RegExp(` (di cung|di voi|dung ra cho) ${ME}`),
  / (co ai|ai) (di cung|dung ra)/,
  / dam phan /,
  / (nho|xin|can) (gap )?(ben|cong doan|luat su|tu van vien|can bo|nguoi tu van|anh|chi)/,
  / (viet|soan|lam|thao) (giup |ho |dum )?((toi|em|minh) )?(don|don kien|thu|van ban|cong van|to trinh)/,
  / (tu van|noi chuyen|lien he|gap|trinh bay) truc tiep/,
  // Asking who is right, what they would win or lose, or which of two courses to take.
  / ai dung ai sai/,
  / (co|bi) (thua|thang|oan|sai) (khong|ko|k|a)/,
  / nen \S+( \S+)? hay (\S+ )?(im|khong|thoi|o lai|nghi|ky|chiu)/,
  / (neu|khi) (em|toi|minh) (kien|khoi kien)/,
  / (doi|doi duoc|duoc) (tong cong )?bao nhieu (tien )?(neu|khi) (kien|ra toa)/,
  / (de nghi|yeu cau|mong|xin|muon|nho|can) cong doan/,
  / cong doan (co the )?(xuong|den|vao) /,
  / giup (toi|em|minh) voi /,
];

/** "phải làm gì" asks for the rule unless the person tells their own live situation around it. */
const WHAT_NOW = / (lam sao|lam the nao|phai lam gi|phai lam sao|nen lam gi|gio lam sao|lam gi tiep)/;
const OWN_SITUATION =
  / (hom qua|hom nay|tuan truoc|thang truoc|da \S+ thang|roi|bo tron|khong dong y|khong chiu|gio|bay gio) /;

export function handoverCue(phrase: string): boolean {
  if (HANDOVER_PATTERNS.some((pattern) => pattern.test(phrase))) return true;
  return WHAT_NOW.test(phrase) && OWN_SITUATION.test(phrase);
}

const FOLLOW_UP_OPENERS = /^(the|vay|con|neu|truong hop|nhu vay)( |$)/;
const FOLLOW_UP_TAILS = / (thi sao|the nao|ra sao|thi duoc bao nhieu|thi bao nhieu)$/;

/**
 * A short question that leans on the previous one ("thế nếu tôi làm 5 năm thì sao?"): few words of its
 * own, opening or ending like a follow-up.
 */
export function isFollowUp(phrase: string): boolean {
  const words = phrase.replace(/ , /g, ' ').trim();
  const opens = FOLLOW_UP_OPENERS.test(words);
  const ends = FOLLOW_UP_TAILS.test(` ${words}`);
  const ownDomainWords = STRONG_DOMAIN_PHRASES.filter((p) => phrase.includes(` ${p} `)).length;
  return (opens || ends) && words.split(' ').length <= 14 && ownDomainWords <= 1;
}

const GREETINGS =
  /^(xin chao|chao|chao ban|chao em|chao anh|chao chi|hello|hi|alo|a lo|cam on|cam on ban|thanks|thank you|ok|oke|vang|da)( (ban|em|anh|chi|nhe|nha|a|nhieu|tro ly))*$/;

export const isGreeting = (phrase: string): boolean => GREETINGS.test(phrase.replace(/ , /g, ' ').trim());

/** Binary or symbol soup: too few letters to be a question in any language. */
export function isUnreadable(text: string): boolean {
  const sample = text.slice(0, 500);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const replacement = sample.match(/\uFFFD/g)?.length ?? 0;
  return letters < 2 || letters / sample.length < 0.4 || replacement > 2;
}

const hasAny = (phrase: string, phrases: readonly string[]) => phrases.some((p) => phrase.includes(` ${p} `));

/** How firmly a question sits in labour and union law: by its own words, before any search. */
export function domainStrength(phrase: string): 'strong' | 'weak' | 'none' {
  if (hasAny(phrase, STRONG_DOMAIN_PHRASES)) return 'strong';
  if (hasAny(phrase, WEAK_DOMAIN_PHRASES)) return 'weak';
  return 'none';
}

export const mentionsOtherTopic = (phrase: string): boolean => hasAny(phrase, OTHER_TOPIC_PHRASES);
