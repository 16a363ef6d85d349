/** The IndexedDB database of one person's copy of the branch's journal (each person's copy holds what they may see). */
export const deskDbName = (branch: string, userId: string): string => `complaint-desk-${branch}-${userId}`;
