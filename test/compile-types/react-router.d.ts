/**
 * The part of React Router's types (react-router 7+, `react-router` and `react-router/dom`) that generated projects
 * use, for test/compile.ts: the package itself is the generated project's dependency, not this repository's (its peer
 * react would come with it). The signatures are React Router's own, narrowed to these names.
 */
declare module "react-router" {
  import type { AnchorHTMLAttributes, ComponentType, ForwardRefExoticComponent, ReactNode, RefAttributes } from "react";

  export interface Path {
    pathname: string;
    search: string;
    hash: string;
  }
  export type To = string | Partial<Path>;
  export interface Location<State = unknown> extends Path {
    state: State;
    key: string;
  }
  export interface NavigateOptions {
    replace?: boolean;
    state?: unknown;
    preventScrollReset?: boolean;
    viewTransition?: boolean;
  }
  export interface NavigateFunction {
    (to: To, options?: NavigateOptions): void | Promise<void>;
    (delta: number): void | Promise<void>;
  }
  export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> {
    to: To;
    replace?: boolean;
    state?: unknown;
    preventScrollReset?: boolean;
    viewTransition?: boolean;
    discover?: "render" | "none";
    reloadDocument?: boolean;
    relative?: "route" | "path";
  }
  export const Link: ForwardRefExoticComponent<LinkProps & RefAttributes<HTMLAnchorElement>>;
  export function useNavigate(): NavigateFunction;
  export function useLocation(): Location;

  export interface RouteObject {
    path?: string;
    index?: boolean;
    element?: ReactNode;
    Component?: ComponentType | null;
    children?: RouteObject[];
  }
  export interface DataRouter {
    readonly routes: RouteObject[];
  }
  export function createBrowserRouter(routes: RouteObject[], opts?: { basename?: string }): DataRouter;
  export function createMemoryRouter(
    routes: RouteObject[],
    opts?: { basename?: string; initialEntries?: string[]; initialIndex?: number },
  ): DataRouter;
  export function RouterProvider(props: { router: DataRouter }): ReactNode;
}

declare module "react-router/dom" {
  export { RouterProvider } from "react-router";
}
