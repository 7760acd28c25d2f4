#!/usr/bin/env bash
# Installs what rm-kit needs on a machine with Node 20+: pnpm at the pinned version and
# the workspace's dependencies. Used by the README's quick start and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  npm install --global --silent "pnpm@$PNPM_VERSION"
fi

# better-sqlite3 compiles from source where no prebuilt binary can be downloaded, and
# node-gyp then needs Node's headers. Point it at the running Node's own copy, so it does
# not try to download them (pnpm ignores nodedir in .npmrc, so it goes in the environment).
if [ -z "${npm_config_nodedir:-}" ]; then
  node_prefix=$(node -p "require('path').dirname(require('path').dirname(process.execPath))")
  if [ -f "$node_prefix/include/node/node.h" ]; then export npm_config_nodedir="$node_prefix"; fi
fi

if [ "${CI:-}" = "true" ]; then
  pnpm install --frozen-lockfile
else
  pnpm install
fi
