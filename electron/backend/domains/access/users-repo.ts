// Reads and writes of staff accounts. Usernames are stored lower-case (see usernameSchema).
import type { UserSummary } from '../../../../shared/contract';
import { FALLBACK_LANGUAGE, isLanguage, type Language } from '../../../../shared/languages';
import type { Role } from '../../../../shared/roles';
import type { AccountSlotSource, OpenVault } from '../../vault/vault';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  shelter_scope: string;
  must_change_password: number;
  last_sign_in_at: string | null;
  deleted_at: string | null;
  created_at: string;
  credential: string | null;
}

export type StaffUser = UserSummary;

function toUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    displayName: row.display_name,
    username: row.username,
    role: row.role,
    shelterScope: JSON.parse(row.shelter_scope) as string[],
    active: row.deleted_at === null,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
    travels: row.credential !== null,
  };
}

export function findUserById(vault: OpenVault, id: string): StaffUser | null {
  const row = vault.db.prepare('SELECT * FROM users WHERE id = ?').get([id]) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function findUserByUsername(vault: OpenVault, username: string): StaffUser | null {
  const row = vault.db.prepare('SELECT * FROM users WHERE username = ?').get([username]) as
    UserRow | undefined;
  return row ? toUser(row) : null;
}

/** The account's screen language; a value this version does not know reads as English. */
export function languageOf(vault: OpenVault, userId: string): Language {
  const row = vault.db.prepare('SELECT language FROM users WHERE id = ?').get([userId]) as
    { language: string } | undefined;
  return isLanguage(row?.language) ? row.language : FALLBACK_LANGUAGE;
}

export function listUsers(vault: OpenVault): StaffUser[] {
  const rows = vault.db
    .prepare('SELECT * FROM users ORDER BY deleted_at IS NOT NULL, display_name COLLATE NOCASE')
    .all() as unknown as UserRow[];
  return rows.map(toUser);
}

export function insertUser(
  vault: OpenVault,
  user: {
    username: string;
    displayName: string;
    role: Role;
    shelterScope: string[];
    mustChangePassword: boolean;
    /**
     * From OpenVault.setUserSecret: what lets the password open every computer's keyring (null
     * only for an account made without a password, as in tests and generated datasets).
     */
    credential: string | null;
  },
): string {
  return vault.data.insert('users', {
    credential: user.credential,
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    shelter_scope: JSON.stringify(user.shelterScope),
    must_change_password: user.mustChangePassword ? 1 : 0,
  });
}

/** Every account as the keyring needs it, to follow accounts changed on other computers. */
export function accountSlotSources(vault: OpenVault): AccountSlotSource[] {
  const rows = vault.db
    .prepare('SELECT username, deleted_at IS NULL AS active, credential FROM users')
    .all() as { username: string; active: number; credential: string | null }[];
  return rows.map((r) => ({
    username: r.username,
    active: r.active === 1,
    credential: r.credential,
  }));
}
