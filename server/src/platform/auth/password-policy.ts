/**
 * Password policy for local accounts (X-AUTH).
 *
 * - 12–256 characters (counted as Unicode code points after NFC, so 'õ' typed
 *   precomposed or decomposed counts once, and an emoji counts once);
 * - not one of a small built-in list of common passwords (case-insensitive);
 * - not containing the e-mail local part or the user's name;
 * - at least 3 of 4 character classes (lower, upper, digit, other), unless the
 *   password is at least 16 characters: long passphrases are strong without
 *   symbols (NIST SP 800-63B discourages composition rules for them).
 *
 * Problems are stable codes; the server translates them into et/en/ru.
 */

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_identity' | 'too_simple';

export type PasswordCheck = { ok: true } | { ok: false; problems: PasswordProblem[] };

export type PasswordIdentity = { email?: string | null; name?: string | null };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** From this length on, character classes are not required. */
export const PASSPHRASE_MIN_LENGTH = 16;
/** Identity fragments shorter than this are ignored: 'Ann' or 'Eva' would reject too many good passwords. */
const MIN_IDENTITY_TOKEN = 4;

/**
 * Frequent passwords from breach lists that are long enough to pass the
 * length rule, plus local (Estonian, Russian) favourites. Shorter ones are
 * left out: the length rule already rejects them. Stored lower-case.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password1234', 'password12345', 'password123456', 'password1234567', 'passwordpassword',
  'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234', 'password2024', 'password2025',
  'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', 'qwerty1234567', 'qwertyqwerty',
  'qwerty123qwe', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3', 'qazwsxedcrfv',
  'asdfghjkl123', 'zxcvbnm12345', 'abcdefghijkl', 'abc123456789', 'abcd12345678',
  '123456789012', '1234567890123', '12345678901234', '123456789abc', '123123123123',
  '111111111111', '000000000000', 'aaaaaaaaaaaa', 'iloveyou1234', 'welcome12345',
  'letmein12345', 'changeme1234', 'administrator', 'admin1234567', 'sunshine1234',
  'football1234', 'princess1234', 'monkey123456', 'dragon123456', 'superman1234',
  'correcthorsebatterystaple',
  // Estonian: salasõna/parool = password, tere = hello, plus places and this domain.
  'salasona1234', 'salasõna1234', 'salasona12345', 'parool123456', 'parool1234567',
  'parool2024!!', 'teretere1234', 'tere12345678', 'eesti1234567', 'tallinn12345',
  'tallinn2024!', 'lastekaitse1', 'lastekaitse123', 'sotsiaaltoo1', 'sotsiaaltöö1',
  // Russian: пароль = password; йцукен… is the qwerty row on a Russian layout.
  'пароль123456', 'parol1234567', 'йцукенгшщзхъ', 'ytrewq123456',
]);

/** Code points after NFC, so visually identical input always has the same length. */
function lengthOf(password: string): number {
  return [...password.normalize('NFC')].length;
}

/** Lower-case with diacritics removed, so 'Õie' and 'oie' compare equal. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function characterClasses(password: string): number {
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];
  return classes.filter((re) => re.test(password)).length;
}

/** E-mail local part and name, whole and split into parts, folded; short fragments dropped. */
function identityTokens(identity: PasswordIdentity): string[] {
  const local = (identity.email ?? '').split('@')[0] ?? '';
  const name = identity.name ?? '';
  const pieces = [local, ...local.split(/[._+\-]+/), name.replace(/[\s\-]+/g, ''), ...name.split(/[\s\-]+/)];
  return pieces.map(fold).filter((token) => [...token].length >= MIN_IDENTITY_TOKEN);
}

function containsIdentity(password: string, identity: PasswordIdentity): boolean {
  const folded = fold(password);
  return identityTokens(identity).some((token) => folded.includes(token));
}

/**
 * Checks a new password. An over-long password is reported alone and not
 * analysed further, so huge inputs cost nothing; callers must reject it before
 * hashing for the same reason.
 */
export function checkPasswordPolicy(password: string, identity: PasswordIdentity = {}): PasswordCheck {
  const length = lengthOf(password);
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, problems: ['too_long'] };
  const problems: PasswordProblem[] = [];
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (COMMON_PASSWORDS.has(password.normalize('NFC').toLowerCase())) problems.push('common');
  if (containsIdentity(password, identity)) problems.push('contains_identity');
  if (length < PASSPHRASE_MIN_LENGTH && characterClasses(password) < 3) problems.push('too_simple');
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
