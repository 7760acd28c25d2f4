import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '@rm-kit/core';
import type { Logger } from 'pino';

/** Node's parser codes for what it refuses before the app sees a request, and the answer to each. */
function answerFor(code: string | undefined): { status: number; reason: string; body: ErrorBody['error'] } {
  const requestId = randomUUID();
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      body: { code: 'headers_too_large', message: 'The request headers are too large', requestId },
    };
  }
  return {
    status: 400,
    reason: 'Bad Request',
    body: { code: 'bad_request', message: 'The request could not be read as HTTP/1.1', requestId },
  };
}

/**
 * Node's HTTP parser refuses some requests (headers too large, malformed HTTP) before the
 * app runs, with an empty body. These get the contract's error body instead, and the
 * connection closes, since what follows on it cannot be read as requests either.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: nobody to answer, or an answer already begun on this connection.
    const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    // A client too slow to send its request: Node's answer, since the contract has no 408.
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const { status, reason, body } = answerFor(error.code);
    const text = JSON.stringify({ error: body });
    logger.info(
      { requestId: body.requestId, status, reason: error.code },
      'request refused by the HTTP parser',
    );
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nX-Request-Id: ${body.requestId}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${text}`,
    );
  });
}
