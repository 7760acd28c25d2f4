import { request } from 'node:http';

/**
 * Opens `count` live event streams (`GET /v1/events`), as that many open pages would, taking
 * the tokens in turn. Each on a connection of its own, as a browser holds one per page.
 * Resolves once every stream has said it is ready; `close()` ends them all.
 */
export async function openEventStreams(url, tokens, count) {
  const { hostname, port } = new URL(url);
  const streams = [];
  const close = () => {
    for (const stream of streams) stream.destroy();
  };
  try {
    await Promise.all(
      Array.from(
        { length: count },
        (_, index) =>
          new Promise((resolve, reject) => {
            const stream = request(
              {
                hostname,
                port,
                path: '/v1/events',
                agent: false,
                headers: {
                  accept: 'text/event-stream',
                  authorization: `Bearer ${tokens[index % tokens.length]}`,
                },
              },
              (response) => {
                if (response.statusCode !== 200) reject(new Error(`event stream: ${response.statusCode}`));
                response.on('data', (chunk) => {
                  if (String(chunk).includes('event: ready')) resolve();
                });
              },
            );
            stream.on('error', reject);
            stream.end();
            streams.push(stream);
          }),
      ),
    );
  } catch (error) {
    close();
    throw error;
  }
  return { close };
}
