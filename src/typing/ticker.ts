// One timer for every <mi-typing> on the page. Each instance books the moment it next needs to
// wake (a delay ending, a linger or timeout running out, a paced reply finishing) and a single
// setTimeout wakes for the earliest booking. Idle indicators book nothing, so a thousand of them
// cost no timer at all. Created lazily: importing this module touches no timer API.

type Task = () => void;

const due = new Map<Task, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let armedFor = Infinity;

/** Runs `task` once at `time` (on the performance.now() clock); booking again moves it. */
export function book(task: Task, time: number): void {
  due.set(task, time);
  arm();
}

/** Cancels `task`'s booking, if any. */
export function unbook(task: Task): void {
  if (due.delete(task)) arm();
}

/** How many tasks are waiting (tests and benchmarks). */
export const booked = (): number => due.size;

function arm(): void {
  let next = Infinity;
  for (const time of due.values()) if (time < next) next = time;
  if (next === armedFor) return;
  clearTimeout(timer);
  armedFor = next;
  timer = next < Infinity ? setTimeout(run, next - performance.now()) : undefined;
}

function run(): void {
  armedFor = Infinity;
  timer = undefined;
  const now = performance.now();
  try {
    for (const [task, time] of [...due]) {
      if (time > now) continue;
      due.delete(task);
      task();
    }
  } finally {
    arm();
  }
}
