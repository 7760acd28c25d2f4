import { connect } from 'node:net';

/**
 * Writes bytes to a server over one TCP connection, as a fuzzer or a broken client does,
 * and collects everything the server sends back until it closes the connection or goes
 * quiet for `quietMs`. Nothing here parses or fixes up HTTP, so the test sees the wire.
 */
export function rawExchange(
  url: string,
  writes: (string | Buffer)[],
  options: { quietMs?: number; pauseMs?: number } = {},
): Promise<{ text: string; closedByServer: boolean }> {
  const { hostname, port } = new URL(url);
  const quietMs = options.quietMs ?? 1500;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let text = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (closedByServer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer });
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(() => done(false), quietMs);
    };
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
      quiet();
    });
    socket.once('end', () => done(true));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE' ? done(true) : reject(error),
    );
    socket.once('connect', async () => {
      for (const chunk of writes) {
        if (socket.destroyed) break;
        socket.write(chunk);
        if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      quiet();
    });
  });
}

/** The HTTP responses in what a server sent on one connection: status, headers, body. */
export function responsesIn(
  text: string,
): { status: number; headers: Record<string, string>; body: string }[] {
  const responses = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd === -1) break;
    const [statusLine = '', ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let bodyEnd = headEnd + 4;
    let body = '';
    if (headers['content-length'] !== undefined) {
      body = rest.slice(bodyEnd, bodyEnd + Number(headers['content-length']));
      bodyEnd += body.length;
    } else if (headers['transfer-encoding'] === 'chunked') {
      for (;;) {
        const sizeEnd = rest.indexOf('\r\n', bodyEnd);
        const size = Number.parseInt(rest.slice(bodyEnd, sizeEnd), 16);
        bodyEnd = sizeEnd + 2;
        if (!size) {
          bodyEnd += 2;
          break;
        }
        body += rest.slice(bodyEnd, bodyEnd + size);
        bodyEnd += size + 2;
      }
    }
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = rest.slice(bodyEnd);
  }
  return responses;
}
