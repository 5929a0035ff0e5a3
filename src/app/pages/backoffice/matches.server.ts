// Data of the matches page: pairs of products from different markets that may be one item, and the newest merges.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import { productImageView } from '../../../server/images';
import type { MatchSide, MatchToReview, MergeView } from '../../../server/matching';

/** A pair's product with its first photo's address, as the shop's image route serves it. */
export interface ShownSide extends MatchSide {
  readonly imagePath: string | null;
}

export interface ShownMatch extends Omit<MatchToReview, 'products'> {
  readonly products: readonly ShownSide[];
}

export interface MatchesPageData {
  readonly pending: readonly ShownMatch[];
  readonly merges: readonly MergeView[];
}

/** Wide enough to tell two photos of an item apart beside each other. */
const THUMBNAIL_WIDTH = 320;

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<MatchesPageData>> {
  return backofficeLoad(event, '/backoffice/matches', async (caller) => {
    const { pending, merges } = await caller.backoffice.matches.list();
    return {
      pending: pending.map((m) => ({
        ...m,
        products: m.products.map((p) => ({ ...p, imagePath: productImageView(p.id, p.imageCount, THUMBNAIL_WIDTH)?.src ?? null })),
      })),
      merges,
    };
  });
}
