// `npm run demo`: a DEMO vault (the keyring carries the flag, so every screen says "DEMO —
// fictional data") with an administrator, one signed-in-ready account per role and a generated
// dataset. Passwords are random and printed once; they are set, not temporary, so the demo is
// usable at once.
import { randomInt } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { checkPassword } from '../../../shared/password-policy';
import type { Role } from '../../../shared/roles';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { PasswordKdf } from '../api';
import { deviceIdOf, openPreferences } from '../preferences';
import { insertUser, writeSettings } from '../domains/access';
import { DEFAULT_KDF } from '../vault/crypto';
import { keyringPath } from '../vault/keyring';
import { createVault, databasePath, vaultPresence } from '../vault/vault';
import { SCHEMA } from '../runtime/composition';
import { generateDataset, type GenerateResult } from './generate';
import { shelterCatalogue } from './shelters';
import { DATASET_SIZES, type SizeName } from './sizes';

export const DEFAULT_DEMO_SEED = 2026;

export interface DemoAccount {
  role: Role;
  username: string;
  displayName: string;
  password: string;
  shelterScope: string[];
}

export interface DemoVault {
  folder: string;
  adminUsername: string;
  adminPassword: string;
  /** Every account, the administrator first. */
  accounts: DemoAccount[];
  recoveryKey: string;
  dataset: GenerateResult;
}

export interface DemoOptions {
  folder: string;
  size?: SizeName;
  seed?: number;
  /** Production cost unless a test lowers it. */
  kdf?: PasswordKdf;
  now?: Date;
}

/** Words for generated passphrases: none of them is on the app's list of guessable words. */
const PASS_WORDS = (
  'Mango Ferry Lantern Harbor Kalamansi Bamboo Coral Monsoon Jeepney Papaya Tarsier Sampaguita ' +
  'Volcano Carabao Seashell Typhoon Pandesal Mangrove Hammock Coconut Firefly Rattan Lagoon Banca'
).split(' ');

function passphrase(personal: string[]): string {
  for (;;) {
    const words = new Set<string>();
    while (words.size < 3) words.add(PASS_WORDS[randomInt(PASS_WORDS.length)]!);
    const candidate = `${[...words].join('-')}-${randomInt(10, 100)}`;
    if (checkPassword(candidate, personal).ok) return candidate;
  }
}

function demoAccounts(size: SizeName): Omit<DemoAccount, 'password'>[] {
  const [girls, ngo] = shelterCatalogue(DATASET_SIZES[size].shelters);
  return [
    {
      role: 'admin',
      username: 'demo.admin',
      displayName: 'Rowena Santos',
      shelterScope: [],
    },
    {
      role: 'coordinator',
      username: 'demo.coordinator',
      displayName: 'Nestor Bautista',
      shelterScope: [],
    },
    {
      role: 'caseworker',
      username: 'demo.caseworker',
      displayName: 'Grace Villanueva',
      shelterScope: [girls!.name, ngo!.name],
    },
    {
      role: 'therapist',
      username: 'demo.therapist',
      displayName: 'Jocelyn Peñaflor',
      shelterScope: [girls!.name],
    },
  ];
}

/** Removes what a failed demo set-up wrote, so that it can simply be run again. */
function removeVaultFiles(folder: string): void {
  for (const path of [
    keyringPath(folder),
    keyringPath(folder, 'pending'),
    keyringPath(folder, 'previous'),
    databasePath(folder),
  ]) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

export async function createDemoVault(options: DemoOptions): Promise<DemoVault> {
  const { folder } = options;
  const size = options.size ?? 'S';
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const kdf = options.kdf ?? DEFAULT_KDF;
  if (vaultPresence(folder) === 'present') throw new AppError('CONFLICT', 'vaultExists');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const accounts = demoAccounts(size).map((a) => ({
    ...a,
    password: passphrase([a.username, a.displayName]),
  }));
  const [admin, ...staff] = accounts as [DemoAccount, ...DemoAccount[]];
  const deviceId = deviceIdOf(openPreferences(folder));
  let writer: string | null = null;
  const ids = new Map<string, string>();

  const { vault, recoveryKey } = await createVault({
    folder,
    adminUsername: admin.username,
    adminPassword: admin.password,
    kdf,
    demo: true,
    schema: SCHEMA,
    context: () => ({ userId: writer, deviceId }),
    seed: (v, credential) =>
      v.data.transaction(() => {
        writeSettings(v, { ...DEFAULT_SETTINGS, timeZone: 'Asia/Manila' });
        ids.set(admin.username, insertUser(v, { ...admin, mustChangePassword: false, credential }));
      }),
  });
  try {
    const adminId = ids.get(admin.username)!;
    writer = adminId;
    vault.audit.append({
      actorId: adminId,
      action: 'vault.create',
      targetType: 'vault',
      targetId: null,
    });
    for (const account of staff) {
      // The slot first, as users.create does: a row without a slot could never sign in.
      const credential = await vault.setUserSecret(account.username, account.password, kdf);
      const id = insertUser(vault, { ...account, mustChangePassword: false, credential });
      ids.set(account.username, id);
      vault.audit.append({
        actorId: adminId,
        action: 'users.create',
        targetType: 'user',
        targetId: id,
        detail: { role: account.role },
      });
    }
    const coordinatorId = ids.get('demo.coordinator')!;
    const caseworker = staff.find((a) => a.role === 'caseworker')!;
    writer = coordinatorId;
    const dataset = generateDataset(vault, {
      size,
      seed,
      ...(options.now ? { now: options.now } : {}),
      actorId: coordinatorId,
      caseworkers: [
        { id: ids.get(caseworker.username)!, shelters: caseworker.shelterScope },
        { id: coordinatorId, shelters: [] },
      ],
      therapists: staff.filter((a) => a.role === 'therapist').map((a) => ids.get(a.username)!),
    });
    vault.audit.append({
      actorId: adminId,
      action: 'demo.generate',
      targetType: 'vault',
      targetId: null,
      detail: { size, seed },
    });
    vault.close();
    return {
      folder,
      adminUsername: admin.username,
      adminPassword: admin.password,
      accounts,
      recoveryKey,
      dataset,
    };
  } catch (error) {
    vault.close();
    removeVaultFiles(folder);
    throw error;
  }
}
