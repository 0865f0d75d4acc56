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
  if (time < Infinity) due.set(task, time);
  else due.delete(task);
  let next = Infinity;
  for (const at of due.values()) if (at < next) next = at;
  if (next != armed) {
    clearTimeout(timer);
    armed = next;
    if (next < Infinity) timer = setTimeout(run, next - performance.now());
  }
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
    // Cancels nothing (run is never booked) and sets the timer for what is left.
    book(run);
  }
}
