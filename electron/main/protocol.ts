// Serves the built renderer from app://aruga with strict security headers:
// a custom protocol, not file://, and never remote content).
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, resolveRendererPath, securityHeaders } from './app-origin';

/** Must run before the app is ready. `standard` gives app://aruga a real origin for 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders() });
}

/** Answers app:// requests with files from `rendererRoot` only; anything else is a 404. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const filePath =
      request.method === 'GET' || request.method === 'HEAD'
        ? resolveRendererPath(rendererRoot, request.url)
        : null;
    if (filePath === null) return notFound();
    try {
      const file = await net.fetch(pathToFileURL(filePath).toString());
      if (!file.ok) return notFound();
      const headers = new Headers(securityHeaders());
      const contentType = file.headers.get('content-type');
      if (contentType) headers.set('content-type', contentType);
      return new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers });
    } catch {
      return notFound();
    }
  });
}
