// Any back-office address no page matches: the back office's own 404, in English.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { answerNotFound, BackofficeNotFound, BACKOFFICE_NOT_FOUND_TITLE } from '../../backoffice/backoffice-not-found';

export const routeMeta: RouteMeta = { title: BACKOFFICE_NOT_FOUND_TITLE };

@Component({
  imports: [BackofficeNotFound],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-backoffice-not-found />`,
})
export default class BackofficeNotFoundPage {
  constructor() {
    answerNotFound();
  }
}
