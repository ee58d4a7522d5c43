// Hybrid logical clock (Kulkarni et al.), as Actual Budget uses for merging offline changes:
// wall-clock milliseconds, a counter for events in the same millisecond, and the device id.
export class HybridLogicalClock {
  private wallMs = 0;
  private counter = 0;

  constructor(
    private readonly deviceId: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Continue after the newest timestamp already stored, even if the clock went backwards. */
  observe(stamp: string | null): void {
    if (!stamp) return;
    const [ms, counter] = stamp.split('-');
    const wall = Number.parseInt(ms ?? '0', 10);
    const count = Number.parseInt(counter ?? '0', 16);
    if (wall > this.wallMs || (wall === this.wallMs && count > this.counter)) {
      this.wallMs = wall;
      this.counter = count;
    }
  }

  next(): string {
    const physical = this.now();
    if (physical > this.wallMs) {
      this.wallMs = physical;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return `${String(this.wallMs).padStart(15, '0')}-${this.counter.toString(16).padStart(4, '0')}-${this.deviceId}`;
  }
}
