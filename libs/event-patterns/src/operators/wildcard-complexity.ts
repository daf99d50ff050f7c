import type { WildcardPattern } from './wildcard';

/**
 * EventBridge rejects wildcard rules that are "too complex": where one input can
 * keep too many partial matches alive at once (many stars, or text repeated after
 * a star). We measure exactly that: the most states a character-level automaton for
 * all wildcards on one field can have active after any input.
 */
export const MAX_WILDCARD_COMPLEXITY = 9;

const STAR = -1;
const OTHER = -2;
/** Bounds the search; a pattern needing more subsets than this is complex anyway. */
const MAX_SUBSETS = 4096;

export function wildcardComplexity(patterns: readonly WildcardPattern[]): number {
  const tokens = patterns.map(toTokens);
  const offsets: number[] = [];
  let total = 0;
  for (const t of tokens) {
    offsets.push(total);
    total += t.length + 1;
  }
  // Flatten into one automaton: state id -> (pattern tokens, position in them).
  const owner = new Int32Array(total);
  const position = new Int32Array(total);
  tokens.forEach((t, p) => {
    for (let s = 0; s <= t.length; s++) {
      owner[(offsets[p] as number) + s] = p;
      position[(offsets[p] as number) + s] = s;
    }
  });
  const tokenAt = (id: number, delta: number): number | undefined =>
    tokens[owner[id] as number]?.[(position[id] as number) + delta];

  const closure = (ids: Iterable<number>): number[] => {
    const out = new Set<number>();
    for (let id of ids) {
      out.add(id);
      while (tokenAt(id, 0) === STAR) out.add(++id);
    }
    return [...out].sort((a, b) => a - b);
  };
  const step = (ids: number[], ch: number): number[] => {
    const next: number[] = [];
    for (const id of ids) {
      if (tokenAt(id, -1) === STAR && position[id] !== 0) next.push(id);
      if (tokenAt(id, 0) === ch) next.push(id + 1);
    }
    return closure(next);
  };

  const alphabet = [...new Set(tokens.flat().filter((t) => t !== STAR)), OTHER];
  const start = closure(offsets);
  const seen = new Set([start.join(',')]);
  const queue = [start];
  let worst = start.length;
  while (queue.length > 0 && seen.size < MAX_SUBSETS && worst <= MAX_WILDCARD_COMPLEXITY) {
    const ids = queue.shift() as number[];
    for (const ch of alphabet) {
      const next = step(ids, ch);
      const key = next.join(',');
      if (next.length === 0 || seen.has(key)) continue;
      worst = Math.max(worst, next.length);
      seen.add(key);
      queue.push(next);
    }
  }
  return worst;
}

function toTokens(pattern: WildcardPattern): number[] {
  const out: number[] = [];
  pattern.parts.forEach((part, i) => {
    if (i > 0) out.push(STAR);
    for (let c = 0; c < part.length; c++) out.push(part.charCodeAt(c));
  });
  return out;
}
