// One timer for every <mi-typing> on the page. Each instance books the moment it next needs to
// wake (a delay ending, a linger or timeout running out, a paced reply finishing) and a single
// setTimeout wakes for the earliest booking. Idle indicators book nothing, so a thousand of them
// cost no timer at all. Created lazily: importing this module touches no timer API.

type Task = () => void;

const due = new Map<Task, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** The time the one timer is set for (Infinity: none). */
let armed = Infinity;

/** Runs `task` once at `time` (on the performance.now() clock); booking again moves it, `Infinity` cancels it. */
export function book(task: Task, time = Infinity): void {
  const before = due.get(task);
  if (time < Infinity) due.set(task, time);
  else due.delete(task);
  // NOTE: O(1) for the usual booking (later than the timer, or earlier: the timer moves); the
  // earliest only has to be searched for when the booking that set the timer moved or left.
  if (time < armed) arm(time);
  else if (before === armed) arm(earliest());
}

function earliest(): number {
  let next = Infinity;
  for (const at of due.values()) if (at < next) next = at;
  return next;
}

function arm(next: number): void {
  if (next == armed) return;
  clearTimeout(timer);
  armed = next;
  if (next < Infinity) timer = setTimeout(run, next - performance.now());
}

/** How many tasks are waiting (tests and benchmarks). */
export const booked = (): number => due.size;

function run(): void {
  armed = Infinity;
  const now = performance.now();
  try {
    for (const [task, time] of [...due]) {
      if (time > now) continue;
      due.delete(task);
      task();
    }
  } finally {
    // Tasks may have booked again while running: the timer is set for the earliest of what is left.
    arm(earliest());
  }
}
