// How a long vault job (a backup, a restore, a salvage) says how far it is: in units of work it
// has really done (bytes copied or read back, tables salvaged), never an estimate of time.

import type { ProgressStep } from '../../../shared/bridge';

/**
 * Receives `done` of `total`, and what the job is doing when it is made of different kinds of
 * work (`step`); the router turns it into the call's progress events.
 */
export type ProgressSink = (done: number, total: number, step?: ProgressStep) => void;

/**
 * A job made of stages of equal weight, each measured in its own units (a copy's bytes, a
 * table's rows): stage `index` with `done` of `size` units counts `index + done / size` stages.
 * Nothing is reported before `begin`, when the size of a stage is known; `finish` reports the
 * whole. The router's meter keeps what reaches the renderer monotonic.
 */
export class StagedProgress {
  private unit = 0;

  constructor(
    private readonly sink: ProgressSink | undefined,
    private stages: number,
  ) {}

  /**
   * A stage is `unit` units (the database's bytes, say), known once the job has looked; a job
   * that learns only then how many stages it has (a salvage: one per table) adds them in front.
   */
  begin(unit: number, stagesFirst = 0): void {
    this.stages += stagesFirst;
    this.unit = Math.max(1, Math.round(unit));
    this.report(0);
  }

  /** `done` of `size` units through stage `index` (0-based). */
  within(index: number, done: number, size: number): void {
    if (size <= 0) return;
    this.report(index * this.unit + Math.floor((this.unit * Math.min(done, size)) / size));
  }

  /** Stage `index` is complete. */
  completed(index: number): void {
    this.report((index + 1) * this.unit);
  }

  finish(): void {
    this.report(this.stages * this.unit);
  }

  /** A reporter of bytes through stage `index`, for the chunked file copies. */
  bytesOf(index: number): (done: number, size: number) => void {
    return (done, size) => this.within(index, done, size);
  }

  private report(done: number): void {
    if (this.unit > 0) this.sink?.(done, this.stages * this.unit);
  }
}
