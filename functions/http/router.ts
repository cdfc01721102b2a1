import { routeList, type RouteDef, type RouteName } from '../../shared';

export type MatchedRoute = { route: RouteDef & { name: RouteName }; params: Record<string, string> };

interface CompiledRoute {
  route: RouteDef & { name: RouteName };
  pattern: RegExp;
  paramNames: string[];
  /** Literal segments win over parameters: `/stations/by-code/{code}` before `/stations/{id}/x`. */
  literalCount: number;
}

const compiled: CompiledRoute[] = routeList
  .map((route) => {
    const paramNames: string[] = [];
    const segments = route.path.split('/').filter(Boolean);
    const source = segments
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param) {
          paramNames.push(param[1]);
          return '/([^/]+)';
        }
        return '/' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return {
      route,
      pattern: new RegExp(`^${source || '/'}/?$`),
      paramNames,
      literalCount: segments.length - paramNames.length,
    };
  })
  .sort((a, b) => b.literalCount - a.literalCount);

export function matchRoute(method: string, path: string): MatchedRoute | null {
  for (const candidate of compiled) {
    if (candidate.route.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    candidate.paramNames.forEach((name, i) => {
      params[name] = safeDecode(match[i + 1]);
    });
    return { route: candidate.route, params };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is left as is; the route's schema then rejects it with a 400.
    return segment;
  }
}
