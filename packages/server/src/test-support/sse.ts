export interface SseMessage {
  event: string;
  id?: string;
  /** The reconnection delay the server asks for, in ms. */
  retry?: number;
  data: string;
}

function parseBlock(block: string): SseMessage | null {
  const message: SseMessage = { event: 'message', data: '' };
  let fields = 0;
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    fields++;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') message.event = value;
    else if (field === 'id') message.id = value;
    else if (field === 'data') message.data += value;
    else if (field === 'retry') message.retry = Number(value);
  }
  return fields > 0 ? message : null;
}

/** Reads a text/event-stream body message by message, as a browser's EventSource would. */
export class EventStreamReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private pending: ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> | null = null;
  /** Whether the server has ended the stream. */
  ended = false;

  constructor(body: ReadableStream<Uint8Array> | null) {
    if (!body) throw new Error('The response has no body to stream');
    this.reader = body.getReader();
  }

  /** Messages read but not yet handed out: they arrived in the same chunk as the last one wanted. */
  private readonly backlog: SseMessage[] = [];

  /** The messages that arrive until `done` says enough or the time runs out (then: what came). */
  async until(done: (received: SseMessage[]) => boolean, timeoutMs = 5000): Promise<SseMessage[]> {
    const received: SseMessage[] = [];
    const deadline = Date.now() + timeoutMs;
    while (!done(received)) {
      const next = this.backlog.shift();
      if (next) {
        received.push(next);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) break;
      this.pending ??= this.reader.read();
      const result = await Promise.race([
        this.pending,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
      ]);
      if (result === null) break;
      this.pending = null;
      if (result.done) {
        this.ended = true;
        break;
      }
      this.buffer += this.decoder.decode(result.value, { stream: true });
      let end = this.buffer.indexOf('\n\n');
      while (end !== -1) {
        const message = parseBlock(this.buffer.slice(0, end));
        if (message) this.backlog.push(message);
        this.buffer = this.buffer.slice(end + 2);
        end = this.buffer.indexOf('\n\n');
      }
    }
    return received;
  }

  close(): Promise<void> {
    return this.reader.cancel().catch(() => {});
  }
}

export const eventOfType = (type: string) => (messages: SseMessage[]) =>
  messages.some((m) => m.event === type);
