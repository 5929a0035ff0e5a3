// Server entry: Nitro calls the default export with each page request's URL, the built
// index.html and the Node request/response, and sends back the rendered HTML.
import '@angular/platform-server/init';
import { bootstrapApplication, type BootstrapContext } from '@angular/platform-browser';
import { renderApplication } from '@angular/platform-server';
import { provideServerContext } from '@analogjs/router/server';
import type { ServerContext } from '@analogjs/router/tokens';
import { App } from './app/app';
import { config } from './app/app.config.server';

const bootstrap = (context: BootstrapContext) => bootstrapApplication(App, config, context);

/**
 * Analog's `render` less one step: before every page it drops the template data Angular built
 * for every component (`tView`), so that `$localize` texts follow each request's locale, and
 * Angular builds them all again. The shop's texts come from tables per language, not from
 * `$localize`, so the templates are built once per process, as Angular's own server does.
 */
export default function render(url: string, document: string, serverContext: ServerContext): Promise<string> {
  return renderApplication(bootstrap, { document, url, platformProviders: [provideServerContext(serverContext)] });
}
