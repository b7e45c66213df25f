#!/usr/bin/env bash
# Sourced by scripts/run. Makes sure this shell has a Node that the toolchain supports
# (>= 24.18: Prism 5.16's floor), pnpm at the version package.json pins, and the
# workspace's dependencies. Everything lands in ./.toolchain and ./node_modules; nothing global.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN="$ROOT/.toolchain"
NODE_VERSION="$(tr -d '[:space:]' < "$ROOT/.nvmrc")"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$ROOT/package.json")"

log() { printf '\033[2m[toolchain]\033[0m %s\n' "$*" >&2; }

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>24||(a===24&&b>=18)?0:1)'
}

if [ -x "$TOOLCHAIN/node/bin/node" ]; then
  export PATH="$TOOLCHAIN/node/bin:$PATH"
fi
if ! node_ok; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) echo "unsupported CPU $(uname -m)" >&2; exit 1 ;;
  esac
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  log "Node $(node -v 2>/dev/null || echo none) is too old; installing node-$os-$arch@$NODE_VERSION from the npm registry"
  tmp="$(mktemp -d)"
  npm install --prefix "$tmp" --no-save --no-audit --no-fund --loglevel=error "node-$os-$arch@$NODE_VERSION" >&2
  rm -rf "$TOOLCHAIN/node"
  mkdir -p "$TOOLCHAIN"
  mv "$tmp/node_modules/node-$os-$arch" "$TOOLCHAIN/node"
  rm -rf "$tmp"
  export PATH="$TOOLCHAIN/node/bin:$PATH"
  node_ok || { echo "installed Node does not run" >&2; exit 1; }
fi

if [ ! -x "$TOOLCHAIN/pnpm/node_modules/.bin/pnpm" ] || [ "$("$TOOLCHAIN/pnpm/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
  log "installing pnpm@$PNPM_VERSION"
  mkdir -p "$TOOLCHAIN/pnpm"
  npm install --prefix "$TOOLCHAIN/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
fi
export PATH="$TOOLCHAIN/pnpm/node_modules/.bin:$ROOT/node_modules/.bin:$PATH"
export COREPACK_ENABLE_STRICT=0
export npm_config_update_notifier=false

if [ ! -f "$ROOT/node_modules/.modules.yaml" ] || [ "$ROOT/pnpm-lock.yaml" -nt "$ROOT/node_modules/.modules.yaml" ]; then
  log "pnpm install"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2)
fi
