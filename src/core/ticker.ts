// One timer for every element of this copy that waits for a moment: each books the moment it
// next needs to wake (a typing indicator's delay, linger or timeout; the toaster's next notice
// to expire) and a single setTimeout wakes for the earliest booking. Elements with nothing to
// wait for book nothing, so a thousand idle ones cost no timer at all. Created lazily: importing
// this module touches no timer API.

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
  // NOTE: the earliest is only searched for when this booking is earlier than the timer, or was
  // the one the timer is set for; the usual booking (a later deadline) costs O(1).
  if (time < armed || before === armed) arm();
}

/** Sets the one timer for the earliest booking, if that moved. */
function arm(): void {
  let next = Infinity;
  for (const at of due.values()) if (at < next) next = at;
  if (next == armed) return;
  clearTimeout(timer);
  armed = next;
  if (next < Infinity) timer = setTimeout(run, next - performance.now());
}

/** How many tasks are waiting (tests and benchmarks). */
export const booked = (): number => due.size;

function run(): void {
  const now = performance.now();
  try {
    // NOTE: `armed` still holds the time just passed, so tasks booking again (always later than
    // now) set no timer each; the timer is set once below for the earliest of what is left.
    // The timer may fire a little early (it counts whole ms): what is not due yet stays booked.
    for (const [task, time] of due) {
      if (time > now) continue;
      due.delete(task);
      task();
    }
  } finally {
    armed = Infinity;
    arm();
  }
}
