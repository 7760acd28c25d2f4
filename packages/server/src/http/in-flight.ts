import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The connections and requests a server is serving, so that a shutdown can wait for them.
 * Event streams are kept apart: they never end on their own, and they must outlast the last
 * requests to carry the events of their writes.
 */
export class InFlight {
  private readonly requests = new Set<ServerResponse>();
  private readonly connections = new Set<Socket>();
  private readonly streams = new Set<Socket>();
  private draining = false;
  private readonly waiting = new Set<{ of: Set<Socket>; resolve: () => void }>();

  /** Follows every connection and request the server receives from now on. */
  watch(server: Server): void {
    server.on('connection', (socket: Socket) => {
      this.connections.add(socket);
      socket.once('close', () => {
        this.connections.delete(socket);
        this.streams.delete(socket);
        this.check();
      });
    });
    // Ahead of the app's own listener, so the header is set before the app writes its answer.
    server.prependListener('request', (_request, response: ServerResponse) => {
      if (this.draining) response.setHeader('Connection', 'close');
      this.requests.add(response);
      response.once('close', () => this.requests.delete(response));
    });
  }

  /** Takes the connection of a response that streams until the client leaves out of those a drain waits for. */
  markStream(response: ServerResponse): void {
    const socket = response.socket;
    if (!socket || !this.connections.delete(socket)) return;
    this.requests.delete(response);
    this.streams.add(socket);
    this.check();
  }

  get isDraining(): boolean {
    return this.draining;
  }

  get requestCount(): number {
    return this.requests.size;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /**
   * From now on every answer closes its connection, so clients open their next one where a
   * load balancer sends them.
   */
  startDraining(): void {
    this.draining = true;
    for (const response of this.requests) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    }
  }

  /**
   * Resolves once every connection but the streams has closed, or after `ms`: with how many
   * requests were still running. A busy connection closes after its answer; an idle one when
   * its keep-alive timeout runs out, the time its client was told it may reuse it (closing
   * it sooner could drop a request the client is sending on it at that moment).
   */
  async settle(ms: number): Promise<number> {
    await this.emptied(this.connections, ms);
    return this.requests.size;
  }

  /** Resolves once every event stream has closed, or after `ms`. */
  async streamsClosed(ms: number): Promise<void> {
    await this.emptied(this.streams, ms);
  }

  private async emptied(sockets: Set<Socket>, ms: number): Promise<void> {
    if (sockets.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      const waiter = { of: sockets, resolve };
      this.waiting.add(waiter);
      timer = setTimeout(() => {
        this.waiting.delete(waiter);
        resolve();
      }, ms);
    });
    clearTimeout(timer);
  }

  private check(): void {
    for (const waiter of this.waiting) {
      if (waiter.of.size > 0) continue;
      this.waiting.delete(waiter);
      waiter.resolve();
    }
  }
}

export function isEventStream(response: Response): boolean {
  return response.headers.get('Content-Type')?.startsWith('text/event-stream') ?? false;
}

/** Tells the tracker which answers are event streams, once the app has made them. */
export function streamsApart(inFlight: InFlight): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const outgoing = c.env?.outgoing;
    if (outgoing && isEventStream(c.res)) inFlight.markStream(outgoing);
  };
}
