// Reported: require-backoff. A serialisation failure is retried at once, three times in a row:
// the competing transactions are still running, so the retries collide with them again.
export interface Db {
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}
export interface Tx {
  query(sql: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export async function transferCredits(db: Db, from: string, to: string, amount: number): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await db.transaction(async (tx) => {
        await tx.query('UPDATE wallets SET credits = credits - $1 WHERE id = $2', [amount, from]);
        await tx.query('UPDATE wallets SET credits = credits + $1 WHERE id = $2', [amount, to]);
      });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
