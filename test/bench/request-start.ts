import * as http from 'node:http';

/**
 * The synchronous part of starting an HTTP request to `url`, `runs` times (each request is
 * destroyed before it connects). In VS Code's extension host this includes what its proxy support
 * does for every request of every extension: it reads the whole configuration
 * (`http.proxySupport`) and makes an agent for the request.
 */
export function requestStartMs(url: string, runs = 20): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const req = http.request(url, { method: 'HEAD' });
    ms.push(performance.now() - started);
    req.on('error', () => undefined);
    req.destroy();
  }
  return ms;
}
