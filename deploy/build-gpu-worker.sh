#!/bin/sh
# Bundles the gpu-worker into one ES module (packages stay external, in node_modules),
# so the pod starts without compiling TypeScript through tsx: start to /ready is this
# service's cold start, and the bundle takes about a third off it (docs/benchmarks.md).
# Used by deploy/gpu-worker.Dockerfile and bench/gpu-worker.bench.ts.
#   sh deploy/build-gpu-worker.sh [out file, default dist/gpu-worker.mjs]
set -eu
out="${1:-dist/gpu-worker.mjs}"
exec node_modules/.bin/esbuild src/gpu-worker/main.ts \
  --bundle --platform=node --format=esm --target=node20 --packages=external \
  --log-level=warning "--outfile=$out"
