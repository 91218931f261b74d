import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat endpoint on loopback for API tests: the app speaks real HTTP to it.
 * `respond` sees each request's parsed body and returns the completion's message content (a
 * string), or a status to fail with.
 */
export interface FakeLlmRequest {
  path: string;
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[]; response_format?: unknown };
}
export type FakeLlmReply = { content: string } | { status: number } | { raw: string };

export interface FakeLlm {
  baseUrl: string;
  requests: FakeLlmRequest[];
  close(): Promise<void>;
}

export async function startFakeLlm(respond: (request: FakeLlmRequest) => FakeLlmReply): Promise<FakeLlm> {
  const requests: FakeLlmRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: FakeLlmRequest = {
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as FakeLlmRequest['body'],
      };
      requests.push(request);
      const reply = respond(request);
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'fake failure' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if ('raw' in reply) res.end(reply.raw);
      else
        res.end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
