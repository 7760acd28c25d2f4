import { expect, vi } from 'vitest';
import type { RmServerProcess } from '../../../../scripts/rm-server-process.mjs';
import { EventStreamReader, eventOfType } from './sse.js';

/** A client's request to a server process: JSON in and out. */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answered
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Opens `GET /v1/events` on a server process and waits for its `ready`. */
export async function openStream(baseUrl: string, token: string, lastEventId?: string) {
  const response = await fetch(`${baseUrl}/v1/events`, {
    headers: { Authorization: `Bearer ${token}`, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
  });
  expect(response.status).toBe(200);
  const stream = new EventStreamReader(response.body);
  const first = await stream.until(eventOfType('ready'));
  expect(first.map((m) => m.event)).toEqual(['ready']);
  return { stream, ready: first[0] };
}

/** Waits until the process has logged a line with this message. */
export async function loggedBy(server: RmServerProcess, msg: string, timeout = 10_000) {
  await vi.waitFor(() => expect(server.logs().map((line) => line.msg)).toContain(msg), {
    timeout,
    interval: 100,
  });
  return server.logs().find((line) => line.msg === msg);
}
