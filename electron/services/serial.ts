/**
 * Runs async jobs one after another. Each store that reads a file, changes it and writes it back uses one,
 * so two overlapping calls cannot both start from the old contents. A failed job does not block the next.
 */
export type Serial = <T>(work: () => Promise<T>) => Promise<T>;

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}
