// Products the scrapers found in two markets with no identifier in common (the simulator's pages
// show a GTIN or the maker's model on a share of pages only, as real shops do), paired once the
// translator reads one in the other's language: an agent sees the pair on "Matches to review",
// merges it, and the merged-away product's shop address opens the product it became.
import { expect, test } from '../fixtures/test';
import { BackofficeLoginPo } from '../fixtures/backoffice.po';
import { gotoHydrated } from '../fixtures/hydrated';
import { screenshot, system } from './system';

/** Translations and look-ups follow the scrapes within seconds; this is for a machine under load. */
const PAIR_TIMEOUT_MS = 90_000;

test('an agent merges a pair the matcher found, and the merged-away address opens the merged product', async ({ page }) => {
  const { email, password } = system.admin();
  await new BackofficeLoginPo(page).signIn(email, password);
  // The platform goes on matching meanwhile: a pair shown may be merged at once by the time the
  // agent confirms it (the page then says so), and the agent takes the next one.
  await expect(async () => {
    await gotoHydrated(page, '/backoffice/matches');
    const pair = page.getByTestId('match-row').first();
    await expect(pair).toBeVisible({ timeout: 1_000 });
    await expect(pair).toContainText('titles share');
    await screenshot(page, 'matches');
    await pair.getByRole('button', { name: /^Same item/ }).click();
    await expect(page.getByTestId('confirm-text')).toContainText('into one product');
    await page.getByTestId('confirm-panel').getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByTestId('action-result').or(page.getByTestId('action-error'))).toBeVisible();
    await expect(page.getByTestId('action-error')).toHaveCount(0);
  }).toPass({ timeout: PAIR_TIMEOUT_MS });
  await expect(page.getByTestId('action-result')).toHaveText('Merged: the two pages are one product now.');

  const merge = page.getByTestId('merge-row').first();
  await expect(merge).toContainText('merged');
  const [gone, into] = [await merge.getAttribute('data-gone'), await merge.getAttribute('data-into')];
  expect(gone && into && gone !== into).toBeTruthy();

  // The merged product sells in both markets, and the old address, shared and indexed, opens it.
  const response = await page.goto(`/it/p/item--${gone}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toContain(`--${into}`);
  // The kept product's back-office page lists what was merged into it, where a supervisor may split it off.
  await page.goto(`/backoffice/products/${into}`);
  await expect(page.getByTestId('merged-product').first()).toBeVisible();
  await expect(page.getByTestId('merged-product').first().getByRole('button', { name: 'Review split' })).toBeVisible();
  const back = await page.goto(`/backoffice/products/${gone}`);
  expect(back?.status()).toBe(404);
});
