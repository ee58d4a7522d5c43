// NIST SP 800-63B: length, no composition rules, and a block on guessable passwords.
// The same function runs in the renderer (live feedback) and the backend (enforcement).
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn score 0–4; below this a password is "easy to guess". */
export const PASSWORD_MIN_SCORE = 3;

/** Words a guesser would try first against this app and its users. */
const CONTEXT_WORDS = [
  'aruga',
  'shelter',
  'survivor',
  'caseworker',
  'therapist',
  'coordinator',
  'admin',
  'mahal',
  'mahalkita',
  'pilipinas',
  'philippines',
  'manila',
  'cebu',
];

let configured = false;
function configure(): void {
  if (configured) return;
  zxcvbnOptions.setOptions({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  configured = true;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooGuessable';

export interface PasswordVerdict {
  ok: boolean;
  /** 0–4, for the strength meter. */
  score: number;
  problem?: PasswordProblem;
}

/** `personal` holds the user's own words (username, display name), which must not carry the password. */
export function checkPassword(password: string, personal: readonly string[] = []): PasswordVerdict {
  configure();
  const length = [...password].length;
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, score: 0, problem: 'tooLong' };
  const { score } = zxcvbn(password, [...CONTEXT_WORDS, ...personal.filter(Boolean)]);
  if (length < PASSWORD_MIN_LENGTH)
    return { ok: false, score: Math.min(score, 1), problem: 'tooShort' };
  if (score < PASSWORD_MIN_SCORE) return { ok: false, score, problem: 'tooGuessable' };
  return { ok: true, score };
}
