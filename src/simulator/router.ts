/** Path matching with the reference's `:param` names; route keys look like `GET /api/recipes/:id`. */
import type { RouteDef } from './http-helpers.js';

interface Compiled {
  route: RouteDef;
  key: string;
  segments: string[];
  /** Literal segments score higher so `/api/integrations/all` beats a hypothetical `/api/integrations/:id`. */
  score: number;
}

export type Match =
  | { kind: 'route'; route: RouteDef; key: string; params: Record<string, string> }
  | { kind: 'none' };

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly RouteDef[]) {
    this.compiled = routes.map((route) => {
      const segments = route.path.split('/').filter(Boolean);
      const score = segments.reduce((s, seg, i) => s + (seg.startsWith(':') ? 0 : 2 ** (segments.length - i)), 0);
      return { route, key: `${route.method} ${route.path}`, segments, score };
    });
    this.compiled.sort((a, b) => b.score - a.score);
  }

  keys(): string[] {
    return this.compiled.map((c) => c.key);
  }

  /**
   * REFERENCE §4.2: an unsupported method on a known path is `404 API not found`, the same as an unknown path, so
   * only an exact (method, path) match counts.
   */
  match(method: string, pathname: string): Match {
    const parts = pathname.split('/').filter(Boolean);
    for (const c of this.compiled) {
      if (c.route.method !== method || c.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let okay = true;
      for (let i = 0; i < parts.length && okay; i++) {
        const seg = c.segments[i];
        if (seg.startsWith(':')) {
          try {
            params[seg.slice(1)] = decodeURIComponent(parts[i]);
          } catch {
            okay = false;
          }
        } else if (seg !== parts[i]) {
          okay = false;
        }
      }
      if (okay) return { kind: 'route', route: c.route, key: c.key, params };
    }
    return { kind: 'none' };
  }
}
