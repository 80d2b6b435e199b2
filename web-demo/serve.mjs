// A static file server for the repository on localhost, with the MIME types
// browsers insist on (`application/wasm` for streaming compilation).
// `node web-demo/serve.mjs [PORT]` (what `cargo xtask demo` runs) serves the
// demo with its Content-Security-Policy and prints its URL.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Serves the folders `within` of `root` on 127.0.0.1 (a free port unless
 * `port` is given); `/` leads to the first of them. Resolves to the server
 * and its base URL. */
export function serve(root, headers = {}, port = 0, within = ["/web-demo/", "/pkg/"]) {
  const server = createServer(async (request, response) => {
    let path;
    try {
      path = normalize(decodeURIComponent(new URL(request.url, "http://localhost").pathname));
    } catch {
      response.writeHead(400, { "Content-Type": "text/plain" }).end("bad request");
      return;
    }
    if (path === "/") {
      response.writeHead(302, { Location: within[0] }).end();
      return;
    }
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!within.some((folder) => path.startsWith(folder)) || !file.startsWith(root)) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      response.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", ...headers }).end(body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** What the demo's page may do: its own scripts, styles and module, nothing else, no inline code. */
export const DEMO_HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  // Isolated from other origins, which also gives performance.now() its fine resolution.
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Referrer-Policy": "no-referrer",
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const { url } = await serve(root, DEMO_HEADERS, Number(process.argv[2] ?? 8080));
  console.log(`mtlslint demo: ${url}/web-demo/  (Ctrl-C stops it)`);
}
