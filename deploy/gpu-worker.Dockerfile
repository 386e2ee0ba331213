# syntax=docker/dockerfile:1
# The gpu-worker for the pod. Build from the repository root:
#   docker build -f deploy/gpu-worker.Dockerfile -t popcon-gpu-worker .
# Today it serves the built-in engine; a model-backed engine changes the engine,
# not the contract (GET /openapi.json).

FROM node:20-bookworm-slim AS base
WORKDIR /app

FROM base AS prod-deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# One bundled module instead of TypeScript compiled by tsx at every cold start.
COPY deploy/build-gpu-worker.sh ./deploy/
COPY src ./src
RUN sh deploy/build-gpu-worker.sh dist/gpu-worker.mjs

FROM base AS runtime
# Captions must render with the same font as everywhere else (src/engine/caption.ts).
RUN apt-get update \
  && apt-get install -y --no-install-recommends fonts-noto-cjk fonts-noto-color-emoji \
  && rm -rf /var/lib/apt/lists/*
# 0.0.0.0 is refused unless GPU_WORKER_TOKEN is set (a pod secret). NODE_ENV stays
# unset: config's production rules are about the web app's sign-in, which the
# gpu-worker does not have (it would refuse to start without Firebase settings).
ENV GPU_WORKER_HOST=0.0.0.0 \
    GPU_WORKER_PORT=8081
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/dist/gpu-worker.mjs ./dist/gpu-worker.mjs
# The sources stay for `popcon` on the pod (debugging); the service runs the bundle.
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
USER node
EXPOSE 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8081/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The bundle of src/gpu-worker/main.ts (what `npm run start:gpu-worker` runs through tsx).
CMD ["node", "dist/gpu-worker.mjs"]
