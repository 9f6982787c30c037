/** Seeded randomness for the members generator: every run with the same seed writes the same rows. */

/** mulberry32, as the foundation suite's tree: small, fast, good enough for synthetic data. */
export class Random {
  private state: number;
  private spare: number | undefined;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spare !== undefined) {
      const value = this.spare;
      this.spare = undefined;
      return value;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(mu, sigma)): sizes of unions, most small, a few very large. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** An independent stream for one purpose, so adding draws to one part does not shift another. */
  fork(salt: number): Random {
    return new Random(Math.imul((this.next() * 4_294_967_296) >>> 0, 2_654_435_761) ^ salt);
  }
}

/** Picks from a fixed weighted list in O(log n): the cumulative weights are searched by bisection. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(private readonly entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new Error('WeightedPicker needs at least one entry');
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0)) throw new Error(`negative or missing weight at ${i}`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return this.entries[low]![0];
  }
}

/**
 * Counts that shrink as they are drawn from (a Fenwick tree): picks an index with probability
 * proportional to what it has left. Used to interleave the members of 127,000 unions in a random order.
 */
export class Remaining {
  private readonly tree: Float64Array;
  private left: number;

  constructor(counts: ArrayLike<number>) {
    const n = counts.length;
    this.tree = new Float64Array(n + 1);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += counts[i]!;
      this.add(i, counts[i]!);
    }
    this.left = total;
  }

  get total(): number {
    return this.left;
  }

  private add(index: number, delta: number): void {
    for (let i = index + 1; i < this.tree.length; i += i & -i) this.tree[i] = this.tree[i]! + delta;
  }

  /** An index drawn in proportion to its remaining count; the caller then `take`s from it. */
  pick(random: Random): number {
    let target = Math.floor(random.next() * this.left);
    let position = 0;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = position + step;
      if (next < this.tree.length && this.tree[next]! <= target) {
        position = next;
        target -= this.tree[next]!;
      }
    }
    return position;
  }

  take(index: number, count: number): void {
    this.add(index, -count);
    this.left -= count;
  }
}
