// A programmable stand-in for window.aruga: per-procedure answers, a record of every call, and
// lock events on demand. Unprogrammed procedures answer INTERNAL, and are recorded as unexpected.
import type {
  ArugaBridge,
  LockEvent,
  OutputRequest,
  OutputResult,
  ProgressEvent,
  ProgressStep,
} from '../../../shared/bridge';
import type {
  LockEventReason,
  ProcedureInput,
  ProcedureName,
  ProcedureOutput,
} from '../../../shared/contract';
import type { AppErrorShape, Envelope } from '../../../shared/errors';

type Answer<N extends ProcedureName> =
  | ProcedureOutput<N>
  | ((input: ProcedureInput<N>) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>);

type Responder = (input: unknown) => Promise<Envelope<unknown>>;

export interface Deferred<T> {
  resolve(value: T): void;
  fail(error: AppErrorShape): void;
}

export class FakeBridge implements ArugaBridge {
  readonly calls: { name: string; input: unknown }[] = [];
  readonly unexpected: string[] = [];
  private readonly persistent = new Map<string, Responder>();
  private readonly queued = new Map<string, Responder[]>();
  private readonly listeners = new Set<(event: LockEvent) => void>();
  private readonly progressListeners = new Set<(event: ProgressEvent) => void>();
  private readonly syncedListeners = new Set<() => void>();

  constructor() {
    // Benign defaults most screens trigger.
    this.ok('session.touch', null);
    this.ok('audit.recordExport', null);
    this.ok('session.lock', null);
    this.ok('backup.status', {
      folder: 'C:\\Users\\staff\\AppData\\Roaming\\Aruga\\backups',
      keepDaily: 7,
      keepWeekly: 4,
      lastAutomatic: null,
    });
    // The administrator's reminder of open data breaches, above every screen.
    this.ok('breaches.list', []);
  }

  /** Every later call to `name` succeeds with `answer` (a value or a function of the input). */
  ok<N extends ProcedureName>(name: N, answer: Answer<N>): this {
    this.persistent.set(name, this.responder(answer));
    return this;
  }

  /** Every later call to `name` fails with `error`. */
  fail(name: ProcedureName, error: AppErrorShape): this {
    this.persistent.set(name, () => Promise.resolve({ ok: false, error }));
    return this;
  }

  /** The next call only: succeeds with `answer`. */
  okOnce<N extends ProcedureName>(name: N, answer: Answer<N>): this {
    this.enqueue(name, this.responder(answer));
    return this;
  }

  /** The next call only: fails with `error`. */
  failOnce(name: ProcedureName, error: AppErrorShape): this {
    this.enqueue(name, () => Promise.resolve({ ok: false, error }));
    return this;
  }

  /** The next call stays pending until the test settles it. */
  defer<N extends ProcedureName>(name: N): Deferred<ProcedureOutput<N>> {
    let settle: (envelope: Envelope<unknown>) => void = () => undefined;
    const pending = new Promise<Envelope<unknown>>((resolve) => (settle = resolve));
    this.enqueue(name, () => pending);
    return {
      resolve: (value) => settle({ ok: true, value }),
      fail: (error) => settle({ ok: false, error }),
    };
  }

  inputsOf<N extends ProcedureName>(name: N): ProcedureInput<N>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as ProcedureInput<N>);
  }

  countOf(name: ProcedureName): number {
    return this.inputsOf(name).length;
  }

  emitLock(reason: LockEventReason): void {
    this.listeners.forEach((listener) => listener({ type: 'locked', reason }));
  }

  get lockListenerCount(): number {
    return this.listeners.size;
  }

  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ name, input });
    const queue = this.queued.get(name);
    const responder = queue?.shift() ?? this.persistent.get(name);
    if (!responder) {
      this.unexpected.push(name);
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'internal' } });
    }
    return responder(input);
  }

  onLock(listener: (event: LockEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends `done` of `total` for `procedure` (and its step), as the backend does while a long call runs. */
  emitProgress(procedure: ProcedureName, done: number, total: number, step?: ProgressStep): void {
    this.progressListeners.forEach((listener) =>
      listener({ type: 'progress', procedure, done, total, ...(step ? { step } : {}) }),
    );
  }

  onProgress(listener: (event: ProgressEvent) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Says a sync brought other computers' records, as the backend does after one applies. */
  emitSynced(): void {
    this.syncedListeners.forEach((listener) => listener());
  }

  onSynced(listener: () => void): () => void {
    this.syncedListeners.add(listener);
    return () => this.syncedListeners.delete(listener);
  }

  /** Every report printed or saved, in order; each is done unless `outputDone` is false. */
  readonly outputs: OutputRequest[] = [];
  outputDone = true;

  output(request: OutputRequest): Promise<OutputResult> {
    this.outputs.push(request);
    return Promise.resolve(
      this.outputDone ? { done: true, fileName: request.fileName } : { done: false },
    );
  }

  private enqueue(name: string, responder: Responder): void {
    const queue = this.queued.get(name) ?? [];
    queue.push(responder);
    this.queued.set(name, queue);
  }

  private responder<N extends ProcedureName>(answer: Answer<N>): Responder {
    return async (input) => {
      const value =
        typeof answer === 'function'
          ? await (answer as (i: ProcedureInput<N>) => unknown)(input as ProcedureInput<N>)
          : answer;
      // A structured-clone-like copy, so the renderer never shares objects with the test.
      return { ok: true, value: value === undefined ? undefined : structuredClone(value) };
    };
  }
}
