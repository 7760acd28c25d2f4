/** The newest PostgreSQL binaries on this machine (Debian's layout), or null. */
export function findPostgresBinaries(): string | null;

/** A loopback port nothing listens on (at the moment of asking). */
export function freePort(): Promise<number>;

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** Stops the server as an outage would (`immediate`: connections are cut, nothing is flushed politely). */
  stop(): void;
  /** Starts it again on the same port and data. */
  start(): void;
  /** The postmaster's process id, while the cluster runs. */
  pid(): number;
  /** Stops it and removes its files. */
  destroy(): void;
}

/**
 * A throwaway PostgreSQL cluster of its own, on a free loopback port, from the machine's
 * binaries: for the Node tests' shared database, and for tests that stop and restart one.
 */
export function startPostgresCluster(bin: string, options?: { fsync?: boolean }): Promise<PostgresCluster>;
