// The crash test: a child process runs a realistic write workload (tests/crash/workload.ts) on one
// vault and is killed with SIGKILL at a seeded random moment, again and again. After each kill the
// vault must open as the app opens it, pass both integrity checks and the audit chain check, and
// hold every write the child acknowledged. Run by tests/unit/crash.test.ts (50 kills) and by
// `npm run bench -- --crash [--trials 1000]`.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createBackend } from '../../electron/backend/runtime/router';
import { databaseSound } from '../../electron/backend/vault/backup';
import { LOCK_FILE } from '../../electron/backend/vault/folder-lock';
import { unwrapWithPassword, type OpenVault } from '../../electron/backend/vault/vault';
import { CRASH_ACCOUNTS, type Ack } from './accounts';

export interface CrashReport {
  trials: number;
  /** Children that were still running when killed (the rest ended on their own: a failure). */
  kills: number;
  /** Kills after which the vault did not open or failed an integrity or audit-chain check. */
  corruptions: number;
  /** Acknowledged writes missing after a kill. */
  lostWrites: number;
  acknowledged: number;
  /**
   * Unlocks that found the keyring's audit checkpoint ahead of the database: a kill between the
   * keyring write and the commit it belongs to. Reported, not a failure: the vault is sound, but
   * the administrator would see a "database older than expected" warning.
   */
  checkpointAhead: number;
  failures: string[];
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The workload bundled once, so each child starts in a fraction of a second. */
async function bundleWorkload(): Promise<string> {
  const outfile = join(REPO, 'node_modules', '.cache', 'aruga-crash', 'workload.cjs');
  await build({
    entryPoints: [join(REPO, 'tests', 'crash', 'workload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Only the native addon stays outside: loading hundreds of small modules is what is slow.
    external: ['@signalapp/sqlcipher'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function setUpVault(folder: string): Promise<void> {
  const backend = createBackend({
    dataFolder: folder,
    kdf: CRASH_ACCOUNTS.kdf,
    automaticBackups: false,
    pagesChecked: true,
  });
  const call = async (name: string, input: unknown) => {
    const envelope = await backend.call(name, input);
    if (!envelope.ok) throw new Error(`set-up ${name}: ${envelope.error.code}`);
  };
  const { admin, coordinator } = CRASH_ACCOUNTS;
  await call('vault.create', {
    adminDisplayName: 'Fictional Crash Admin',
    adminUsername: admin.username,
    adminPassword: admin.password,
    timeZone: 'Asia/Manila',
  });
  const temporary = 'Temporary-Crash-Kite-70';
  await call('users.create', {
    displayName: 'Fictional Crash Coordinator',
    username: coordinator.username,
    role: 'coordinator',
    shelterScope: [],
    temporaryPassword: temporary,
  });
  await backend.lock('manual');
  await call('auth.signIn', { username: coordinator.username, password: temporary });
  await call('account.changePassword', {
    currentPassword: temporary,
    newPassword: coordinator.password,
  });
  await backend.close();
}

interface Trial {
  acks: Ack[];
  killed: boolean;
  stderr: string;
}

function runChild(bundle: string, folder: string, seed: number, delayMs: number): Promise<Trial> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle, folder, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const parsed = JSON.parse(line) as Ack;
        acks.push(parsed);
        if ('ready' in parsed && !timer) {
          timer = setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, delayMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      // A line cut by the kill was never acknowledged.
      resolve({ acks, killed, stderr });
    });
  });
}

/** Opens the vault as the app does (pending keyring, migrations) and checks it. */
async function verify(folder: string, acks: readonly Ack[], report: CrashReport): Promise<void> {
  // The killed child's folder lock would go stale in 20 s; its process is gone, so take it over.
  rmSync(join(folder, LOCK_FILE), { recursive: true, force: true });
  let vault: OpenVault;
  try {
    const key = await unwrapWithPassword(
      folder,
      CRASH_ACCOUNTS.admin.username,
      CRASH_ACCOUNTS.admin.password,
    );
    vault = key.open(SCHEMA, () => ({ userId: null, deviceId: 'crash-check' }));
  } catch (error) {
    report.corruptions += 1;
    report.failures.push(`did not open: ${(error as Error).message}`);
    throw error;
  }
  try {
    if (!databaseSound(vault.db)) {
      report.corruptions += 1;
      report.failures.push('an integrity check failed');
    }
    if (!vault.audit.verify().ok) {
      report.corruptions += 1;
      report.failures.push('the audit chain did not verify');
    }
    const checkpoint = vault.keyring.checkpoint;
    if (checkpoint && !vault.audit.reaches(checkpoint)) report.checkpointAhead += 1;
    const rotations = acks.filter((a) => 'action' in a).length;
    const rotated = Number(
      vault.db
        .prepare("SELECT count(*) FROM audit_log WHERE action = 'vault.rotateKey'", {
          pluck: true,
        })
        .get(),
    );
    if (rotated < rotations) report.lostWrites += rotations - rotated;
    for (const a of acks) {
      if (!('id' in a)) continue;
      const found = vault.db
        .prepare(`SELECT count(*) FROM "${a.table}" WHERE id = ?`, { pluck: true })
        .get([a.id]);
      if (Number(found) !== 1) {
        report.lostWrites += 1;
        report.failures.push(`lost ${a.table} ${a.id}`);
      }
    }
  } finally {
    vault.close();
  }
}

export async function runCrashTest(options: {
  trials: number;
  seed: number;
  folder: string;
  /** Longest wait, after the child has signed in, before the kill. */
  maxDelayMs?: number;
  onTrial?: (index: number, report: CrashReport) => void;
}): Promise<CrashReport> {
  const report: CrashReport = {
    trials: 0,
    kills: 0,
    corruptions: 0,
    lostWrites: 0,
    acknowledged: 0,
    checkpointAhead: 0,
    failures: [],
  };
  const bundle = await bundleWorkload();
  const folder = join(options.folder, 'vault');
  mkdirSync(folder, { recursive: true });
  await setUpVault(folder);
  const rng = mulberry32(options.seed);
  const acks: Ack[] = [];
  for (let i = 0; i < options.trials; i += 1) {
    const delay = Math.floor(rng() * (options.maxDelayMs ?? 400));
    const trial = await runChild(bundle, folder, options.seed * 100_000 + i, delay);
    report.trials += 1;
    if (trial.killed) report.kills += 1;
    else report.failures.push(`trial ${i} ended before the kill: ${trial.stderr.slice(0, 300)}`);
    acks.push(...trial.acks.filter((a) => !('ready' in a)));
    report.acknowledged = acks.length;
    try {
      // Every write acknowledged in any trial so far must still be there.
      await verify(folder, acks, report);
    } catch {
      break; // a vault that does not open ends the run; the report says so
    }
    options.onTrial?.(i, report);
  }
  return report;
}
