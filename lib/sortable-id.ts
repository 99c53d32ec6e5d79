let counter = 0;

/**
 * A new row id that sorts after the ids this process made before it, in the shape of
 * Prisma's cuid() ("c", the time in base 36, a counter, random): lists ordered by (time,
 * id), such as the audit log and undo, keep the order rows were written in, even within
 * one millisecond.
 */
export function sortableId(now = Date.now()): string {
  counter = (counter + 1) % 36 ** 4;
  const random = [...crypto.getRandomValues(new Uint32Array(2))].map((n) => n.toString(36).padStart(7, "0")).join("");
  return `c${now.toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
