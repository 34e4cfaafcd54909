import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A pathname router small enough to read: a handful of screens and no nested layouts. */
const NAV_EVENT = 'semis:navigate';

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  window.addEventListener(NAV_EVENT, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(NAV_EVENT, fn);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAV_EVENT));
  window.scrollTo(0, 0);
}

export type Route =
  | { name: 'home' }
  | { name: 'create' }
  | { name: 'console' }
  | { name: 'wall'; atelierId: string }
  | { name: 'moderation'; atelierId: string }
  | { name: 'moderationQueue' }
  | { name: 'projector' }
  | { name: 'portfolio' }
  | { name: 'participant'; code: string; atelierId?: string }
  | { name: 'posters' }
  // Poster workshop (issue #5)
  | { name: 'adminBoard'; boardId: string }
  | { name: 'presentation'; atelierId: string; index: number }
  | { name: 'groups'; code: string }
  | { name: 'participantBoard'; code: string; boardId: string }
  | { name: 'notFound' };

/** A malformed percent-escape in the address bar ("/j/%E0%A4%A") is a page that does not exist, not a crash. */
export function matchRoute(pathname: string): Route {
  try {
    return matchPath(pathname);
  } catch (err) {
    if (err instanceof URIError) return { name: 'notFound' };
    throw err;
  }
}

function matchPath(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  // `/j` is what the terminal prints: the code entry.
  if (path === '/' || path === '/j') return { name: 'home' };
  if (path === '/creer') return { name: 'create' };
  if (path === '/animer') return { name: 'console' };
  if (path === '/projection' || path === '/animer/projection') return { name: 'projector' };
  if (path === '/animer/projets') return { name: 'portfolio' };
  if (path === '/animer/moderation') return { name: 'moderationQueue' };
  if (path === '/animer/affiches') return { name: 'posters' };
  let m = /^\/animer\/mur\/([^/]+)$/.exec(path);
  if (m) return { name: 'wall', atelierId: decodeURIComponent(m[1]!) };
  m = /^\/animer\/moderation\/([^/]+)$/.exec(path);
  if (m) return { name: 'moderation', atelierId: decodeURIComponent(m[1]!) };
  m = /^\/j\/([^/]+)$/.exec(path);
  if (m) return { name: 'participant', code: decodeURIComponent(m[1]!) };
  // The per-atelier QR posters (participantPath): atelier ids are UUIDs, so never `groupes`.
  m = /^\/j\/([^/]+)\/([0-9a-fA-F-]{36})$/.exec(path);
  if (m) return { name: 'participant', code: decodeURIComponent(m[1]!), atelierId: m[2]!.toLowerCase() };
  m = /^\/animer\/tableau\/([^/]+)$/.exec(path);
  if (m) return { name: 'adminBoard', boardId: decodeURIComponent(m[1]!) };
  m = /^\/animer\/presentation\/([^/]+)(?:\/(\d+))?$/.exec(path);
  if (m) return { name: 'presentation', atelierId: decodeURIComponent(m[1]!), index: Number(m[2] ?? 0) };
  m = /^\/j\/([^/]+)\/groupes$/.exec(path);
  if (m) return { name: 'groups', code: decodeURIComponent(m[1]!) };
  m = /^\/j\/([^/]+)\/tableau\/([^/]+)$/.exec(path);
  if (m) return { name: 'participantBoard', code: decodeURIComponent(m[1]!), boardId: decodeURIComponent(m[2]!) };
  return { name: 'notFound' };
}

/** An <a> that navigates without reloading, but still opens in a new tab on ctrl/middle click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
