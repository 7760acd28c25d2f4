import { createStore, del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';

/**
 * Where the SDK keeps its outbox and read cache. IndexedDB in browsers, memory in Node;
 * implement it to keep them elsewhere (a file, localStorage, a database).
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`, in key order. */
  entries<T>(prefix: string): Promise<[string, T][]>;
  /**
   * For a store other tabs of the origin open too (IndexedDB is one): a name that is the same
   * in each of them, under which the outbox sends from one tab at a time. Leave it out for a
   * store only this client sees, such as memory: its outbox then waits for nobody.
   */
  readonly sharedAs?: string;
}

export function memoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(data.get(key)) as T | undefined,
    set: async (key, value) => {
      data.set(key, structuredClone(value));
    },
    delete: async (key) => {
      data.delete(key);
    },
    entries: async <T>(prefix: string) =>
      [...data.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, value]) => [key, structuredClone(value) as T] as [string, T]),
  };
}

/** An IndexedDB database of its own (through idb-keyval), shared by every tab of the origin. */
export function indexedDbStore(databaseName = 'rm-kit'): KeyValueStore {
  const store: UseStore = createStore(databaseName, 'kv');
  return {
    sharedAs: `indexedDB:${databaseName}`,
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    delete: (key) => del(key, store),
    // Only the keys under the prefix, already in key order: the outbox is listed often, and
    // reading every entry would also read (and copy) each cached page, some of them megabytes.
    entries: <T>(prefix: string) =>
      store('readonly', (objects) => {
        const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
        return Promise.all([
          promisifyRequest(objects.getAllKeys(range)),
          promisifyRequest(objects.getAll(range)),
        ]).then(([keys, values]) => keys.map((key, i) => [key as string, values[i] as T] as [string, T]));
      }),
  };
}

export function defaultStore(): KeyValueStore {
  return typeof indexedDB === 'undefined' ? memoryStore() : indexedDbStore();
}
