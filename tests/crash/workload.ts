// The crash test's child process: a realistic stream of writes through the real backend, each
// acknowledged on stdout (one JSON line) only after its call answered ok, i.e. after it committed.
// The parent kills it with SIGKILL at a random moment and checks that every acknowledged write
// survived. Usage: node workload.cjs <data folder> <seed>
import type { BackendApi } from '../../electron/backend/api';
import { createBackend } from '../../electron/backend/runtime/router';
import type { ProcedureName, ProcedureOutput } from '../../shared/contract';
import { CRASH_ACCOUNTS, type Ack } from './accounts';

const [folder, seedText] = process.argv.slice(2);
if (!folder || !seedText) throw new Error('usage: workload <folder> <seed>');

/** mulberry32: small, seeded, good enough to vary the workload. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rng = random(Number(seedText));
const backend: BackendApi = createBackend({
  dataFolder: folder,
  kdf: CRASH_ACCOUNTS.kdf,
  automaticBackups: false,
  // The whole-file page check is the parent's job after each kill.
  pagesChecked: true,
});

function ack(line: Ack): void {
  // Synchronous on a pipe (Linux): once written, the parent has it even if we die next.
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function call<N extends ProcedureName>(name: N, input: unknown): Promise<ProcedureOutput<N>> {
  const envelope = await backend.call(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as ProcedureOutput<N>;
}

async function as(who: 'admin' | 'coordinator'): Promise<void> {
  await backend.lock('manual');
  const account = CRASH_ACCOUNTS[who];
  await call('auth.signIn', { username: account.username, password: account.password });
}

const today = new Date().toISOString().slice(0, 10);

async function caseWork(run: number, step: number): Promise<void> {
  const shelter = await call('shelters.save', {
    name: `Fictional Crash Home ${run}-${step}`,
    type: 'ngo_shelter',
    address: 'Fictional Street 9',
    sexRule: 'any',
    minAge: 0,
    maxAge: 25,
    capacity: 20,
  });
  ack({ table: 'shelters', id: shelter.id });
  const withBed = await call('beds.save', { shelterId: shelter.id, room: 'A', label: 'Bed 1' });
  const bedId = withBed.beds[0]!.id;
  ack({ table: 'beds', id: bedId });
  const child = await call('children.register', {
    legalName: `Fictional Crash Child ${run} ${step}`,
    birth: { kind: 'estimated', estimatedAgeYears: 8 + (step % 9), asOf: today },
    sex: rng() < 0.5 ? 'female' : 'male',
    languages: ['Cebuano'],
    referralSource: 'Fictional barangay hall',
    referralDate: today,
    intakeDate: today,
  });
  ack({ table: 'children', id: child.id });
  const placement = await call('placements.admit', {
    childId: child.id,
    bedId,
    startAt: new Date().toISOString(),
    reason: 'Fictional admission for the crash test',
  });
  ack({ table: 'placements', id: placement.id });
}

async function adminWork(run: number, step: number): Promise<void> {
  await as('admin');
  const user = await call('users.create', {
    displayName: `Fictional Crash User ${run} ${step}`,
    username: `crash.${run}.${step}`,
    role: 'caseworker',
    shelterScope: [],
    temporaryPassword: 'Temporary-Crash-Harbor-81',
  });
  ack({ table: 'users', id: user.id });
  if (rng() < 0.35) {
    await call('vault.rotateKey', {});
    ack({ table: 'audit_log', action: 'vault.rotateKey' });
  }
  await as('coordinator');
}

async function main(): Promise<never> {
  await as('coordinator');
  ack({ ready: true });
  for (let step = 0; ; step += 1) {
    if (rng() < 0.2) await adminWork(Number(seedText), step);
    else await caseWork(Number(seedText), step);
  }
}

void main();
