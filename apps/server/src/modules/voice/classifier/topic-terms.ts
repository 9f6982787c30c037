import { NUMBER_TOKEN, clausesOf } from './text-features.js';

const words = (list: string): string[] => list.split(' ');

/**
 * Folded Vietnamese function words: pronouns, particles, conjunctions, prepositions, auxiliaries,
 * demonstratives, question words and number words. Folding merges many function words with content
 * words, and those are left out on purpose, because dropping a real topic costs more than keeping a
 * filler: no (nó / nợ), ho (họ / hồ sơ, bảo hộ), khi (khi / khí thải), van (vẫn / văn bản), dang (đang /
 * đăng ký), that (thật / thất nghiệp), tai (tại / tai nạn), may (mấy / máy), the (thế / thẻ), qua (quá /
 * quà), to (to / tổ), duoi (dưới / đuổi việc), tu (từ / tự nguyện), lai (lại / lái xe), ca (cả / ca đêm),
 * con (còn / con nhỏ), thoi (thôi / thôi việc), noi (nói / nồi hơi), dau (đâu / đau, dầu), bao (bao /
 * bảo hiểm), ban (bạn / ban chấp hành), bang (bằng / bảng lương), tam (tám / tạm trú), hai (hai / độc hại).
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // Pronouns and forms of address.
  ...words('toi tui tao ta minh chung bon em anh chi ong ba co chau nguoi ai moi nhau ad admin'),
  // Particles, interjections and politeness markers.
  ...words(
    'a ah ak u uh uhm um hmm ui oi nhe nhi ha hen ne luon da hic huhu haiz ok oke okay hi hello xin chao dum gium giup vui long',
  ),
  // Conjunctions.
  ...words(
    'va voi hay hoac nhung ma thi nen vi neu tuy nhien du luc de cho rang la boi cung nhu vay kieu chac',
  ),
  // Prepositions and directions.
  ...words('o den toi trong ngoai tren ve vao ra len sau truoc giua cua theo ben'),
  // Auxiliaries, negation and modality.
  ...words('se chua roi vua sap bi duoc phai can khong chang cha hok'),
  // Degree and quantity.
  ...words('rat hon kha cuc cac mot tung it nhieu nhiu deu tat het them nua khac nhat'),
  // Demonstratives, time deixis and question words.
  ...words('nay do kia ay day hom hien gi nao sao ntn'),
  // Verbs too general to mark a topic.
  ...words('lam di biet thay xem'),
  // Number words.
  ...words('bay chin muoi tram nghin ngan trieu ty lan'),
  // English function words members mix in.
  ...words('and or of is are for with my'),
]);

/**
 * Folded syllables that mean something only inside a compound: halves of the commonest compounds
 * (công ty/nhân/đoàn, bảo hiểm, người lao động, đề nghị) and the function/content collisions kept out of
 * STOPWORDS above. They may appear in a bigram ("no luong", "bao hiem") but never alone as a term.
 */
export const BIGRAM_ONLY_SYLLABLES: ReadonlySet<string> = new Set([
  // Halves of compounds that say nothing alone.
  ...words('cong nhan vien viec lao dong hiem doan nghiep khu bao hoi nghi che dieu thuc phan hop tinh sinh'),
  // Calendar and money words present in almost every concern.
  ...words('thang ngay nam tuan gio tien hang tra'),
  // Function words that fold onto content words (see STOPWORDS).
  ...words('ban van lai con dang tai the khi noi dau bang tam hai thoi that duoi qua may chu'),
]);

/** Shorter syllables are mostly particles or too ambiguous once folded ("an", "om", "no"). */
const MIN_UNIGRAM_LENGTH = 3;

const isContentSyllable = (syllable: string): boolean =>
  syllable !== NUMBER_TOKEN && !STOPWORDS.has(syllable);

/**
 * Distinct folded content terms of a text, for spotting trends ("no luong", "bao hiem", "ca dem"):
 * syllable bigrams inside a clause that neither start nor end with a stopword or a number, and content
 * syllables of at least three letters that mean something on their own (not BIGRAM_ONLY_SYLLABLES).
 * Abbreviations are expanded first, so "cty nợ bhxh" and "công ty nợ BHXH" give the same terms. Ordered
 * by first occurrence (a bigram before its own first syllable), at most `max` of them.
 */
export function topicTermsOf(text: string, max = 16): string[] {
  const limit = Number.isFinite(max) ? Math.max(0, Math.floor(max)) : 0;
  const terms = new Set<string>();
  if (limit === 0 || typeof text !== 'string') return [];
  for (const clause of clausesOf(text)) {
    for (let i = 0; i < clause.length; i++) {
      const syllable = clause[i]!;
      const next = clause[i + 1];
      if (next !== undefined && isContentSyllable(syllable) && isContentSyllable(next)) {
        terms.add(`${syllable} ${next}`);
      }
      if (
        syllable.length >= MIN_UNIGRAM_LENGTH &&
        isContentSyllable(syllable) &&
        !BIGRAM_ONLY_SYLLABLES.has(syllable)
      ) {
        terms.add(syllable);
      }
      if (terms.size >= limit) return [...terms].slice(0, limit);
    }
  }
  return [...terms];
}
