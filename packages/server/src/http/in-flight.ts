import type { Server, ServerResponse } from 'node:http';

/**
 * The requests a server is answering, so that a shutdown can wait for them. Event streams
 * are kept apart: they never end on their own, and they must outlast the last requests to
 * carry the events of their writes.
 */
export class InFlight {
  private readonly requests = new Set<ServerResponse>();
  private readonly streams = new Set<ServerResponse>();
  private draining = false;
  private readonly waiting = new Set<{ of: Set<ServerResponse>; resolve: () => void }>();

  /** Follows every request the server receives from now on. */
  watch(server: Server): void {
    // Ahead of the app's own listener, so the header is set before the app writes its answer.
    server.prependListener('request', (_request, response: ServerResponse) => {
      if (this.draining) response.setHeader('Connection', 'close');
      this.requests.add(response);
      response.once('close', () => {
        this.requests.delete(response);
        this.streams.delete(response);
        this.check();
      });
    });
  }

  /** Takes a response that streams until the client leaves out of the requests a drain waits for. */
  markStream(response: ServerResponse): void {
    if (!this.requests.delete(response)) return;
    this.streams.add(response);
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
   * load balancer sends them, and connections do not linger for their keep-alive timeout.
   */
  startDraining(): void {
    this.draining = true;
    for (const response of this.requests) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    }
  }

  /** Resolves once no request is in flight, or after `ms`: with how many still were. */
  async settle(ms: number): Promise<number> {
    await this.emptied(this.requests, ms);
    return this.requests.size;
  }

  /** Resolves once every event stream has closed, or after `ms`. */
  async streamsClosed(ms: number): Promise<void> {
    await this.emptied(this.streams, ms);
  }

  private async emptied(responses: Set<ServerResponse>, ms: number): Promise<void> {
    if (responses.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      const waiter = { of: responses, resolve };
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
