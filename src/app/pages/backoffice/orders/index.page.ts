// `/backoffice/orders` without an order id: no such page (orders are found from the search at
// /backoffice). Without this file the router matched the orders folder with nothing in it and
// answered an empty frame with 200.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { answerNotFound, BackofficeNotFound, BACKOFFICE_NOT_FOUND_TITLE } from '../../../backoffice/backoffice-not-found';

export const routeMeta: RouteMeta = { title: BACKOFFICE_NOT_FOUND_TITLE };

@Component({
  imports: [BackofficeNotFound],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-backoffice-not-found />`,
})
export default class BackofficeOrdersIndexPage {
  constructor() {
    answerNotFound();
  }
}
