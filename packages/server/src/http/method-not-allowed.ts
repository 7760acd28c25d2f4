import { TrieRouter } from 'hono/router/trie-router';
import type { RouterRoute } from 'hono/types';

/**
 * The methods some route answers at a path, for a 405's `Allow` when a request's method is
 * not among them: GET brings HEAD along, as Hono answers a HEAD with the GET route. Asked
 * only by the app's not-found handler, so a request a route answers pays nothing for it
 * (Hono's methodNotAllowed middleware waited on every request to look at its status).
 * The routes are read on the first question, once every route is registered.
 */
export function allowedMethods(routes: () => readonly RouterRoute[]): (path: string) => string[] {
  let router: TrieRouter<string[]> | undefined;
  const build = () => {
    const methodsByPath = new Map<string, Set<string>>();
    for (const route of routes()) {
      if (route.method === 'ALL' || route.method === 'HEAD') continue;
      const methods = methodsByPath.get(route.path) ?? new Set();
      methods.add(route.method);
      if (route.method === 'GET') methods.add('HEAD');
      methodsByPath.set(route.path, methods);
    }
    const built = new TrieRouter<string[]>();
    for (const [path, methods] of methodsByPath) built.add('ALL', path, [...methods]);
    return built;
  };
  return (path) => {
    router ??= build();
    const allowed = new Set<string>();
    for (const [methods] of router.match('ALL', path)[0]) for (const method of methods) allowed.add(method);
    return [...allowed];
  };
}
