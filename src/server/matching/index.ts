// Matching: one item sold in several markets made one product when no identifier joined its
// pages (a candidate pair an agent confirms on the "matches to review" page, or merged at once
// above a measured score), and a wrong merge split again. Owns the match_candidates and
// product_merges collections; the products, their price history and orders change through their
// owners' functions.
export * from './match.schema';
export { MATCH_CANDIDATES, PRODUCT_MERGES } from './match.collection';
export { matchScore, matchBlocker, type MatchProduct, type MatchScore } from './match-score';
export * from './matching.service';
