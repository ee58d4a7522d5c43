// What a call's input may be before it crosses into the backend: plain data, not deeply nested,
// not huge. Every procedure's input is a few levels of objects and short strings; the bounds sit far
// above that and far below what structured cloning (postMessage) can copy without throwing.

/** Objects and arrays inside one another; the contract's deepest input has three levels. */
export const MAX_INPUT_DEPTH = 32;
/** Values plus characters of strings and keys: about 1 MiB of JSON, the harness's body limit. */
export const MAX_INPUT_SIZE = 1024 * 1024;

export type InputProblem = 'tooDeep' | 'tooLarge' | 'notPlainData';

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Why an input may not be passed on, or null when it may. Walks without recursion, so a
 * pathological input cannot overflow the stack here either; a cycle runs into the size bound.
 */
export function inputProblem(input: unknown): InputProblem | null {
  const stack: [unknown, number][] = [[input, 0]];
  let size = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    size += 1;
    if (typeof value === 'string') size += value.length;
    else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_INPUT_DEPTH) return 'tooDeep';
      if (!Array.isArray(value) && !isPlainObject(value)) return 'notPlainData';
      const entries = Object.entries(value);
      // Counted before they are stacked, so a huge array is refused without copying it.
      if (size + entries.length > MAX_INPUT_SIZE) return 'tooLarge';
      for (const [key, item] of entries) {
        if (!Array.isArray(value)) size += key.length;
        stack.push([item, depth + 1]);
      }
    } else if (value !== null && !['undefined', 'boolean', 'number'].includes(typeof value)) {
      return 'notPlainData';
    }
    if (size > MAX_INPUT_SIZE) return 'tooLarge';
  }
  return null;
}
