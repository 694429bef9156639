#!/usr/bin/env bash
# Installs the pinned end-to-end host outside the repo: code-server 4.99.4 (VS Code 1.99.3's
# workbench with a Node extension host) and playwright-core 1.65.1, plus Debian's chromium
# and neovim. Skips what is already there. Works as root on Debian 12 / Node 20 with only the
# npm registry and Debian's packages reachable. Pitfalls handled below: code-server's postinstall
# refuses root without unsafe_perm; kerberos needs libkrb5-dev; @vscode/ripgrep downloads rg
# unless its cache holds a tarball; node-pty runs `npx node-gyp`.
set -euo pipefail
E2E_HOME=${E2E_HOME:-$HOME/.cache/casewright-e2e}
HOST="$E2E_HOME/host"
CODE_SERVER_VERSION=4.99.4
PLAYWRIGHT_VERSION=1.65.1

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v nvim >/dev/null || need_apt+=(neovim)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null || need_apt+=(build-essential)
dpkg -s pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

installed() { [ -f "$HOST/node_modules/$1/package.json" ] && [ "$(node -p "require('$HOST/node_modules/$1/package.json').version")" = "$2" ]; }
if installed code-server "$CODE_SERVER_VERSION" && installed playwright-core "$PLAYWRIGHT_VERSION"; then
  echo "e2e host: code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION already in $HOST"
  exit 0
fi

# Everything the install writes stays under E2E_HOME, temporary files included.
export TMPDIR="$E2E_HOME/tmp"
mkdir -p "$TMPDIR"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless this cache file exists.
RGC="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RGC"
tmp=$(mktemp -d); cp "$(command -v rg)" "$tmp/rg"
tar czf "$RGC/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$tmp" rg; rm -rf "$tmp"

mkdir -p "$HOST"; cd "$HOST"
[ -f package.json ] || echo '{"name":"casewright-e2e-host","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty runs `npx node-gyp`.
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --no-audit --no-fund --loglevel=error \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
"$HOST/node_modules/.bin/code-server" --config /dev/null --version
