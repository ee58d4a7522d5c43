// Chromium sets the priority of its own processes and threads (a page's renderer at nice 0, its
// display threads at -8), whatever the bench's. Left alone, the bench's page would compete as an
// equal with every other Chromium on a shared machine, and that load would land in the figures
// of a bench run at top priority. So, on Linux, each timed step first brings every thread of the
// bench's child processes to the bench's own priority (where it may: raising one needs the right).
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Every process's parent, from /proc (the command name may hold spaces and parentheses). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // Ended meanwhile.
    }
  }
  return parentOf;
}

/** The processes started by this one, their children, and so on. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Brings every thread of every process below this one to this process's priority (Linux). */
export function holdChildrenAtOwnPriority(): void {
  if (process.platform !== 'linux') return;
  const own = getPriority();
  for (const pid of descendants(process.pid)) {
    let threads: string[] = [];
    try {
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const thread of threads) {
      try {
        if (getPriority(Number(thread)) !== own) setPriority(Number(thread), own);
      } catch {
        // Ended meanwhile, or not ours to raise.
      }
    }
  }
}
