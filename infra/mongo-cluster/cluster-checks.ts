// What must hold before the cluster is touched: the declared collections obey MongoDB's rules
// for sharded collections, and a plan shards every declared collection with its declared key.
// init-cluster.ts refuses to start when either fails; cluster.spec.ts runs the same checks on
// the real table and shows on broken tables that they bite. Each returns one line per problem.
import { supportsShardKey } from '../../src/server/platform/db';
import type { PlanStep, ShardedCollection } from './cluster-plan';

/**
 * MongoDB enforces a unique index on a sharded collection only when the index starts with the
 * shard key's fields; a range key needs an index that starts with it. Declared indexes stay
 * plain ascending/descending: the embedded single-node server builds them too.
 */
export function collectionProblems(collections: readonly ShardedCollection[]): string[] {
  const problems: string[] = [];
  for (const { name, indexes, shardKey } of collections) {
    const shardFields = Object.keys(shardKey);
    if (shardFields.length === 0) problems.push(`${name}: the shard key is empty`);
    const seen = new Set<string>();
    for (const index of indexes) {
      if (seen.has(index.name)) problems.push(`${name}: two indexes are named ${index.name}`);
      seen.add(index.name);
      for (const [field, kind] of Object.entries(index.key)) {
        if (field.includes('$**')) problems.push(`${name}.${index.name}: wildcard indexes are not allowed`);
        if (kind !== 1 && kind !== -1) {
          problems.push(`${name}.${index.name}: ${field} is a ${JSON.stringify(kind)} index, only 1 and -1 are allowed`);
        }
      }
      const indexFields = Object.keys(index.key);
      if (index.unique && !shardFields.every((field, position) => indexFields[position] === field)) {
        problems.push(
          `${name}.${index.name}: a unique index must start with the shard key fields (${shardFields.join(', ')}), ` +
            `this one starts with ${indexFields.join(', ')}`,
        );
      }
    }
    const isRange = Object.values(shardKey).every((kind) => kind === 1);
    if (isRange && !indexes.some((index) => supportsShardKey(index, shardKey))) {
      problems.push(`${name}: the range shard key ${JSON.stringify(shardKey)} has no declared non-partial index starting with it`);
    }
  }
  return problems;
}

/**
 * The plan shards each declared collection exactly once, on exactly its declared key (field
 * order included: it is part of the key), after creating its declared indexes, and shards
 * nothing undeclared.
 */
export function planProblems(plan: readonly PlanStep[], collections: readonly ShardedCollection[], dbName: string): string[] {
  const problems: string[] = [];
  const declared = new Set(collections.map((collection) => `${dbName}.${collection.name}`));
  for (const step of plan) {
    if (step.kind === 'shardCollection' && !declared.has(step.command.shardCollection)) {
      problems.push(`the plan shards ${step.command.shardCollection}, which no declaration names`);
    }
  }
  for (const collection of collections) {
    const namespace = `${dbName}.${collection.name}`;
    const shardsIt = (step: PlanStep) => step.kind === 'shardCollection' && step.command.shardCollection === namespace;
    const sharding = plan.filter(shardsIt);
    if (sharding.length === 0) {
      problems.push(`${namespace} is declared but the plan does not shard it`);
      continue;
    }
    if (sharding.length > 1) problems.push(`the plan shards ${namespace} ${sharding.length} times`);
    const shardAt = plan.findIndex(shardsIt);
    for (const step of sharding) {
      if (step.kind === 'shardCollection' && !sameKey(step.command.key, collection.shardKey)) {
        problems.push(
          `the plan shards ${namespace} on ${JSON.stringify(step.command.key)}, declared ${JSON.stringify(collection.shardKey)}`,
        );
      }
    }
    const created = new Set(
      plan
        .slice(0, shardAt)
        .flatMap((step) =>
          step.kind === 'createIndexes' && step.db === dbName && step.command.createIndexes === collection.name ? step.command.indexes : [],
        )
        .map((index) => index.name),
    );
    for (const index of collection.indexes) {
      if (!created.has(index.name)) problems.push(`the plan does not create ${namespace}.${index.name} before sharding it`);
    }
  }
  return problems;
}

function sameKey(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));
}
