/**
 * One request's rules, against a server on 127.0.0.1: redirects only to
 * http(s), within a limit, each hop through the guard; the size cap with and
 * without Content-Length; a 4xx is not retried.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, type FetchGuard, type FetchSettings } from './http-fetch.ts';

const SETTINGS: FetchSettings = { userAgent: 'nianbao/test', timeoutMs: 5000, retries: 2, retryBackoffMs: 10, maxBytes: 1000, maxRedirects: 3 };
const allowAll: FetchGuard = async () => null;

describe('fetchUrl', () => {
  let server: Server;
  let origin = '';
  const hits = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/to-ftp') res.writeHead(302, { location: 'ftp://127.0.0.1/report.pdf' }).end();
      else if (path.startsWith('/loop')) res.writeHead(302, { location: `/loop${Number(path.slice(5) || 0) + 1}` }).end();
      else if (path === '/to-other-host') res.writeHead(301, { location: 'http://localhost.example/x.pdf' }).end();
      else if (path === '/big-declared') res.writeHead(200, { 'content-length': 5000 }).end(Buffer.alloc(5000));
      else if (path === '/big-streamed') {
        res.writeHead(200);
        for (let i = 0; i < 5; i++) res.write(Buffer.alloc(400));
        res.end();
      } else if (path === '/forbidden') res.writeHead(403).end();
      else res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' }).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('follows no redirect to another scheme than http(s)', async () => {
    const r = await fetchUrl(`${origin}/to-ftp`, allowAll, SETTINGS);
    expect(r).toMatchObject({ kind: 'failed', status: 302, reason: 'redirect to ftp: (only http and https are followed)' });
  });

  it('stops after the redirect limit', async () => {
    const r = await fetchUrl(`${origin}/loop`, allowAll, SETTINGS);
    expect(r).toMatchObject({ kind: 'failed', reason: 'more than 3 redirects', finalUrl: `${origin}/loop3` });
  });

  it('passes every hop through the guard, so a redirect cannot reach a host the crawl may not', async () => {
    const onlyHere: FetchGuard = async (url) => (url.hostname === '127.0.0.1' ? null : { outcome: 'refused', reason: `host ${url.hostname} is not allowed` });
    const r = await fetchUrl(`${origin}/to-other-host`, onlyHere, SETTINGS);
    expect(r).toMatchObject({ kind: 'refused', reason: 'host localhost.example is not allowed', finalUrl: 'http://localhost.example/x.pdf' });
  });

  it('refuses a file over the size cap, whether or not it says its length', async () => {
    expect(await fetchUrl(`${origin}/big-declared`, allowAll, SETTINGS)).toMatchObject({ kind: 'failed', reason: 'larger than the 1000-byte cap (Content-Length 5000)' });
    expect(await fetchUrl(`${origin}/big-streamed`, allowAll, SETTINGS)).toMatchObject({ kind: 'failed', reason: 'larger than the 1000-byte cap' });
  });

  it('does not retry a 4xx', async () => {
    const r = await fetchUrl(`${origin}/forbidden`, allowAll, SETTINGS);
    expect(r).toMatchObject({ kind: 'failed', status: 403, reason: 'HTTP 403 Forbidden', attempts: 1 });
    expect(hits.get('/forbidden')).toBe(1);
  });

  it('returns the body with its validators', async () => {
    const r = await fetchUrl(`${origin}/plain`, allowAll, SETTINGS);
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') {
      expect(Buffer.from(r.body).toString()).toBe('ok');
      expect(r.headers).toEqual({ contentType: 'text/plain', etag: '"v1"' });
    }
  });
});
