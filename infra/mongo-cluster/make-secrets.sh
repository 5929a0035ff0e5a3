#!/bin/sh
# The cluster's secrets, generated at the first `docker compose up` by the cluster-secrets service
# (as root in the mongo image) into named volumes, and kept on later starts:
#   /secrets/keyfile/keyfile        the members' shared key (internal authentication), mode 400, owned by mongodb
#   /secrets/init/*-password        each user's password (users.ts), for mongo-init, mode 400, owned by mongodb
#   /secrets/app/mongo-url          the app's MONGO_URL (user app), mode 400, owned by the image's node user
#   /secrets/workers/mongo-url      the workers' MONGO_URL (user workers), likewise
# Each volume is mounted only where it is needed; nothing here is ever in the compose file or the
# repository. Delete the volumes (docker compose down -v) to start over with new secrets.
set -eu

MONGODB_UID=999      # the mongodb user of the mongo image, which mongod runs as
NODE_UID=1000        # the node user of the app image (Dockerfile: USER node)
DB="${MONGO_DB:-digitalsales}"
ROUTERS="${MONGO_ROUTERS:?MONGO_ROUTERS (host:port,...) is required}"
ROOT="${SECRETS_ROOT:-/secrets}"

umask 077

# URL-safe random text: base64 without the characters a URL would need to escape.
random() { head -c "$1" /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'; }

# Writes stdin to $1 as $2:$2, mode 400, replacing it in one rename.
install_secret() {
  cat > "$1.tmp"
  chown "$2:$2" "$1.tmp"
  chmod 400 "$1.tmp"
  mv "$1.tmp" "$1"
}

mkdir -p "$ROOT/keyfile" "$ROOT/init" "$ROOT/app" "$ROOT/workers"

# 756 random bytes, base64: MongoDB's own recipe for a keyFile (6 to 1024 base64 characters).
if [ ! -s "$ROOT/keyfile/keyfile" ]; then
  head -c 756 /dev/urandom | base64 -w 0 | install_secret "$ROOT/keyfile/keyfile" "$MONGODB_UID"
  echo "cluster-secrets: generated the cluster keyFile"
fi

for user in admin app workers; do
  if [ ! -s "$ROOT/init/$user-password" ]; then
    random 32 | install_secret "$ROOT/init/$user-password" "$MONGODB_UID"
    echo "cluster-secrets: generated the password of user $user"
  fi
done

# Rewritten at every start, from the kept passwords: a changed MONGO_DB or router list takes effect.
for user in app workers; do
  password="$(cat "$ROOT/init/$user-password")"
  printf 'mongodb://%s:%s@%s/%s?authSource=admin' "$user" "$password" "$ROUTERS" "$DB" | install_secret "$ROOT/$user/mongo-url" "$NODE_UID"
done
echo "cluster-secrets: ready"
