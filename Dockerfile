# syntax=docker/dockerfile:1
# The one image of DigitalSales: the app (Analog SSR server), the workers and the cluster init
# run from it with different commands (docker-compose.yml). Built in stages so that the runtime
# holds production dependencies, the build output and the TypeScript the workers run, not the
# toolchain that built them.

FROM node:20-bookworm-slim AS base
WORKDIR /app
# Browsers serve the e2e tests, which never run in an image.
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

FROM base AS deps
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM base AS prod-deps
COPY package.json package-lock.json ./
# The workers and the init run TypeScript through `node --import tsx`: tsx is a production dependency.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM base AS runtime
ENV NODE_ENV=production
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY --from=build /app/dist ./dist
COPY src/server ./src/server
COPY workers ./workers
COPY infra ./infra
# Root owns the files and the process cannot change them; tsx caches its output under /tmp.
USER node
EXPOSE 3000
CMD ["node", "dist/analog/server/index.mjs"]
