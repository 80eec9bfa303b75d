/**
 * React Router in the preview: the `react-router` (and `react-router/dom`) module the runtime provides, with the names
 * a generated project uses — `Link`, `useNavigate`, `useLocation`, `createBrowserRouter` / `createMemoryRouter` with
 * `RouterProvider`, and `BrowserRouter` / `MemoryRouter` with `Routes` and `Route` — over one history kept in memory.
 * The preview is a srcdoc frame with no origin of its own: its address cannot change, and `history.back()` there could
 * take the panel back; so screens change in place, as in the app, and going back is the router's.
 */
import type { ComponentChild, ComponentType } from "preact";
import * as compat from "preact/compat";
import * as hooks from "preact/hooks";

type Child = ComponentChild;

interface RouteObject {
  path?: string;
  index?: boolean;
  element?: Child;
  Component?: ComponentType;
}

interface Location {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

type To = string | { pathname?: string; search?: string; hash?: string };

/** The preview's one history: its entries (paths) and where it is. */
const entries: string[] = ["/"];
let at = 0;
const listeners = new Set<() => void>();

const hrefOf = (to: To): string =>
  typeof to === "string" ? to : `${to.pathname ?? entries[at]}${to.search ?? ""}${to.hash ?? ""}`;

function locationOf(path: string): Location {
  const m = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(path)!;
  return { pathname: m[1] || "/", search: m[2] ?? "", hash: m[3] ?? "", state: null, key: String(at) };
}

/** Goes to `to` (a path, or a step back or forward in the history) and shows it from the top, as a new page does. */
function go(to: To | number, options: { replace?: boolean } = {}): void {
  if (typeof to === "number") {
    const next = Math.min(entries.length - 1, Math.max(0, at + to));
    if (next === at) return;
    at = next;
  } else {
    const path = hrefOf(to);
    const resolved = path.startsWith("/") ? path : `/${path}`;
    if (options.replace) entries[at] = resolved;
    else {
      entries.splice(at + 1, entries.length, resolved);
      at = entries.length - 1;
    }
  }
  const { hash } = locationOf(entries[at]!);
  const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  if (target) target.scrollIntoView();
  else scrollTo(0, 0);
  for (const listener of listeners) listener();
}

/** The current location, following the history. */
function useLocation(): Location {
  const [, rerender] = hooks.useState(0);
  hooks.useEffect(() => {
    const listener = (): void => rerender((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  return locationOf(entries[at]!);
}

const useNavigate = (): typeof go => go;

/** A path that leaves the app: another scheme or host, which the browser opens itself. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

interface LinkProps {
  to: To;
  replace?: boolean;
  target?: string;
  onClick?: (event: MouseEvent) => void;
  [attribute: string]: unknown;
}

/** An `<a href>` that goes to its route in place; a modified click, another tab or another site is the browser's. */
const Link = compat.forwardRef<HTMLAnchorElement, LinkProps>(function Link({ to, replace, onClick, ...rest }, ref) {
  const href = hrefOf(to);
  const click = (event: MouseEvent): void => {
    onClick?.(event);
    const modified = event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
    const elsewhere = (rest.target !== undefined && rest.target !== "_self") || EXTERNAL.test(href);
    if (event.defaultPrevented || modified || elsewhere) return;
    event.preventDefault();
    go(href, replace ? { replace } : {});
  };
  return compat.createElement("a", { ...rest, ref, href, onClick: click });
});

/** The route for `pathname`: the one with that path, else an index route for `/`, else a catch-all (`*`). */
function match(routes: readonly RouteObject[], pathname: string): RouteObject | undefined {
  const clean = (p: string): string => `/${p.replace(/^\/+|\/+$/g, "")}`;
  return (
    routes.find((r) => r.path !== undefined && r.path !== "*" && clean(r.path) === clean(pathname)) ??
    (pathname === "/" ? routes.find((r) => r.index) : undefined) ??
    routes.find((r) => r.path === "*")
  );
}

function routeElement(route: RouteObject | undefined): Child {
  if (!route) return null;
  if (route.element !== undefined) return route.element;
  return route.Component ? compat.createElement(route.Component, null) : null;
}

interface Router {
  routes: RouteObject[];
}

function createRouter(routes: RouteObject[], options?: { initialEntries?: string[]; initialIndex?: number }): Router {
  if (options?.initialEntries?.length) {
    entries.splice(0, entries.length, ...options.initialEntries);
    at = Math.min(entries.length - 1, Math.max(0, options.initialIndex ?? entries.length - 1));
  }
  return { routes };
}

function RouterProvider({ router }: { router: Router }): Child {
  return routeElement(match(router.routes, useLocation().pathname));
}

/** `<Routes>` of `<Route path element>` children: the routes read from their props. */
function Routes({ children }: { children?: Child }): Child {
  const routes = compat.Children.toArray(children).flatMap((child) =>
    compat.isValidElement(child) ? [child.props as RouteObject] : [],
  );
  return routeElement(match(routes, useLocation().pathname));
}

const Route = (): Child => null;
const Passing = ({ children }: { children?: Child }): Child => children ?? null;

export const routerModule = {
  Link,
  NavLink: Link,
  useNavigate,
  useLocation,
  createBrowserRouter: createRouter,
  createMemoryRouter: createRouter,
  createHashRouter: createRouter,
  RouterProvider,
  BrowserRouter: Passing,
  MemoryRouter: Passing,
  HashRouter: Passing,
  Routes,
  Route,
};

/** The routes of a generated project's src/routes.ts (`{ path, Screen }[]`), shown behind the router. */
export function routedApp(routes: unknown): Child | undefined {
  if (!Array.isArray(routes)) return undefined;
  const objects = routes.flatMap((r): RouteObject[] =>
    typeof r === "object" && r !== null && typeof (r as { path?: unknown }).path === "string"
      ? [{ path: (r as { path: string }).path, Component: (r as { Screen?: ComponentType }).Screen }]
      : [],
  );
  return objects.length > 0 ? compat.createElement(RouterProvider, { router: createRouter(objects) }) : undefined;
}
