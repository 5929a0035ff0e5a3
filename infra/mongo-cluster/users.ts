// The cluster's users, declared once, each with the least roles it needs. init-cluster.ts creates
// them through a router (so they live on the config servers and hold on every shard) with the
// passwords make-secrets.sh generated at first start; docker-compose.yml hands each service only
// the MONGO_URL of its own user. Nothing here talks to a server or holds a secret.

export interface ClusterRole {
  readonly role: string;
  readonly db: string;
}

export interface ClusterUser {
  /** The user name, in the `admin` database. */
  readonly name: string;
  readonly roles: readonly ClusterRole[];
  /** The file under the init's secrets directory holding its password. */
  readonly passwordFile: string;
  readonly why: string;
}

/** Roles that reach past one database or into the cluster's machinery. */
export const CLUSTER_WIDE_ROLES: ReadonlySet<string> = new Set([
  'root',
  'clusterAdmin',
  'clusterManager',
  'hostManager',
  'userAdminAnyDatabase',
  'dbAdminAnyDatabase',
  'readWriteAnyDatabase',
  'readAnyDatabase',
  'restore',
  'backup',
  '__system',
]);

export function clusterUsers(dbName: string): readonly ClusterUser[] {
  return [
    {
      name: 'admin',
      roles: [{ role: 'root', db: 'admin' }],
      passwordFile: 'admin-password',
      why: 'for an operator (mongosh through a router): never given to a service',
    },
    {
      name: 'app',
      roles: [{ role: 'readWrite', db: dbName }],
      passwordFile: 'app-password',
      why: 'the web app: reads and writes its collections and creates their indexes at start (readWrite covers createIndex)',
    },
    {
      name: 'workers',
      // Narrower, per collection, would need a custom role to follow every collection a worker
      // touches; the workers write products, offers, orders, outbox and runs, so readWrite on the
      // one database is the least built-in role, and a separate user lets it be revoked or
      // rotated without the app.
      roles: [{ role: 'readWrite', db: dbName }],
      passwordFile: 'workers-password',
      why: 'the scrapers, refresher, purchaser, outbox worker and translator',
    },
  ];
}
