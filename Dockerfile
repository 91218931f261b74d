# Production image: the web app is built in the first stage; the second holds only what runs
# (runtime dependencies, sources run by tsx, content, migrations, the built web app) and runs
# as the unprivileged `node` user. Build: docker build -t panelist .
# Run:  docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e SECRET_KEY=… panelist
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/complete-lockfile.mjs scripts/complete-lockfile.mjs
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --logLevel warn && node scripts/build-server.mjs

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_LEVEL=info
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/complete-lockfile.mjs scripts/complete-lockfile.mjs
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/content ./content
COPY --from=build /app/tsconfig.json ./tsconfig.json
COPY --from=build /app/dist/web ./dist/web
# The precompiled server and its worker-thread and reading-process bundles: bin/panelist.mjs runs
# it (it is newer than every source), so neither a start nor a worker transpiles TypeScript.
COPY --from=build /app/scripts/build-server.mjs ./scripts/build-server.mjs
COPY --from=build /app/dist/server ./dist/server
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /readyz: database reachable and migrated (models load in the background and do not hold it).
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/panelist.mjs", "serve"]
