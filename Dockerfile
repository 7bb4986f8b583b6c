# syntax=docker/dockerfile:1
# Build stage: exactly what CI runs (.ci/run installs Chromium and redis-server for the tests, sets CI=true so that
# neither the browser nor the Redis tests can skip, then npm ci and npm test), then the production build.
FROM node:26-trixie-slim AS build
WORKDIR /app
# The packages .ci/run would install, in a layer of their own so a source change does not download them again
# (.ci/run then finds them and skips apt).
RUN apt-get update && apt-get install -y --no-install-recommends chromium redis-server && rm -rf /var/lib/apt/lists/*
COPY . .
RUN bash .ci/run
RUN npm run build && npm prune --omit=dev

# Runtime stage: compiled JavaScript, production dependencies and the SDL only; runs as the unprivileged `node` user.
FROM node:26-trixie-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/schema ./schema
USER node
EXPOSE 4000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The V8 heap settings of `npm start` (package.json; README "Memory"): test/packaging.test.ts keeps the two equal.
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=20", "dist/main.js"]
