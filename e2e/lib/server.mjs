// Minimal static file server for the browser tests (node:http only).
//
//   const server = await startServer({ root, routes, headers, compress });
//   await page.goto(`${server.url}/index.html`);
//   ...
//   await server.close();
//
// Serves files from `root` (default: the repo's dist/) and, under /fixtures/,
// files from e2e/fixtures/. Every request is recorded in `server.requests`.

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
// The widget build; SEXTANT_DIST points the tests at another build directory.
export const DIST_DIR = path.resolve(REPO_ROOT, process.env.SEXTANT_DIST || 'dist');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'e2e', 'fixtures');

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

// Types worth compressing; images and fonts are already compressed.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt', '.map']);

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function compressBody(body, encoding) {
  if (encoding === 'br') {
    return zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  return zlib.gzipSync(body, { level: 9 });
}

// Does the Accept-Encoding header allow `encoding` (q=0 means "no")?
function accepts(header, encoding) {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';').map((s) => s.trim());
    if (name.toLowerCase() !== encoding && name !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

// Map a raw request path onto a file below `base`. Returns null for anything
// that tries to leave `base` ("..", encoded or not, backslashes, NUL bytes).
function safeJoin(base, rawPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const file = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

/**
 * Start the server on 127.0.0.1 and a free port.
 *
 * @param {object} [options]
 * @param {string} [options.root] directory served at "/" (default: dist/)
 * @param {string} [options.fixtures] directory served at "/fixtures/" (default: e2e/fixtures/)
 * @param {Record<string, Function | {status?: number, type?: string, body?: string | Buffer, headers?: object}>} [options.routes]
 *   exact paths answered before the file system: a handler `(req, res) => void`
 *   or a canned response.
 * @param {Record<string, string>} [options.headers] added to every response (e.g. a CSP)
 * @param {'br' | 'gzip' | null} [options.compress] Content-Encoding to use when the request accepts it
 * @returns {Promise<{url: string, port: number, requests: {method: string, url: string, time: number}[], close: () => Promise<void>}>}
 */
export async function startServer(options = {}) {
  const root = path.resolve(options.root ?? DIST_DIR);
  const fixtures = path.resolve(options.fixtures ?? FIXTURES_DIR);
  const routes = options.routes ?? {};
  const extraHeaders = options.headers ?? {};
  const compress = options.compress ?? null;
  if (compress !== null && compress !== 'br' && compress !== 'gzip') {
    throw new Error(`startServer: compress must be 'br', 'gzip' or null, got ${compress}`);
  }

  const requests = [];
  const compressed = new Map(); // "file|mtime|encoding" -> Buffer

  function send(req, res, status, headers, body) {
    res.writeHead(status, { ...headers, ...extraHeaders, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function sendText(req, res, status, text) {
    send(req, res, status, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(text + '\n'));
  }

  async function handle(req, res) {
    requests.push({ method: req.method, url: req.url, time: Date.now() });

    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';

    const route = routes[rawPath];
    if (typeof route === 'function') return route(req, res);
    if (route) {
      const body = Buffer.isBuffer(route.body) ? route.body : Buffer.from(route.body ?? '');
      return send(req, res, route.status ?? 200,
        { 'Content-Type': route.type ?? 'text/plain; charset=utf-8', ...route.headers }, body);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(req, res, 405, 'Method Not Allowed');
    }

    let file = rawPath.startsWith('/fixtures/')
      ? safeJoin(fixtures, rawPath.slice('/fixtures'.length))
      : safeJoin(root, rawPath);
    if (file === null) return sendText(req, res, 403, 'Forbidden');

    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return sendText(req, res, 404, 'Not Found');

    const ext = path.extname(file).toLowerCase();
    const headers = {
      'Content-Type': contentTypeFor(file),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    let body = await readFile(file);

    if (compress && COMPRESSIBLE.has(ext)) {
      headers['Vary'] = 'Accept-Encoding';
      if (accepts(req.headers['accept-encoding'], compress)) {
        const key = `${file}|${info.mtimeMs}|${compress}`;
        if (!compressed.has(key)) compressed.set(key, compressBody(body, compress));
        body = compressed.get(key);
        headers['Content-Encoding'] = compress;
      }
    }
    send(req, res, 200, headers, body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendText(req, res, 500, `Internal Server Error: ${err.message}`);
      else res.destroy(err);
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
