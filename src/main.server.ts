// Server entry: Nitro calls the default export with each page request's URL, the built
// index.html and the Node request/response, and sends back the rendered HTML.
import '@angular/platform-server/init';
import { render } from '@analogjs/router/server';
import { App } from './app/app';
import { config } from './app/app.config.server';

export default render(App, config);
