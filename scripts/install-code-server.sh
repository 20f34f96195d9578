#!/usr/bin/env bash
# Install what test/vscode.e2e.test.ts needs, outside the project's lockfile:
# Debian's Chromium and the packages code-server builds against (apt-get, as
# root), then code-server 4.100.3 (the last release for Node 20) into a cache
# folder, offline from GitHub: its ripgrep is Debian's, not a download.
# Other native modules (file watcher, terminal, password hashing) stay
# unbuilt: the tests need none of them.
# Usage: scripts/install-code-server.sh [folder] (default
# $CODE_SERVER_HOME, else ~/.cache/remark-lint-milestone/code-server).
set -euo pipefail
version=4.100.3
home=${1:-${CODE_SERVER_HOME:-$HOME/.cache/remark-lint-milestone/code-server}}
bin=$home/node_modules/.bin/code-server

packages=(chromium fonts-noto-color-emoji ripgrep g++ make python3 libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null >/dev/null
fi

spdlog=$home/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
if [[ -x $bin && -f $spdlog ]] && [[ $("$bin" --version 2>/dev/null | head -n 1) == "$version "* ]]; then
  echo "code-server $version in $home"
  exit 0
fi
echo "Installing code-server $version in $home"
mkdir -p "$home"
cd "$home"
[[ -f package.json ]] || echo '{"private": true}' >package.json
npm install --no-audit --no-fund --no-save --ignore-scripts "code-server@$version"
npm rebuild argon2
# VS Code's own ripgrep install downloads a binary from GitHub: use Debian's,
# in the version VS Code pins (another would be replaced, and downloaded).
(
  cd node_modules/code-server/lib/vscode
  ripgrep=$(node -p "require('./npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
  npm install --no-audit --no-fund --no-save --ignore-scripts "@vscode/ripgrep@$ripgrep"
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
)
(
  cd node_modules/code-server
  npm_config_unsafe_perm=true npm_config_user_agent="npm/11 node/v20 linux x64" ./postinstall.sh
)
# npm 11 runs no install scripts it was not told to allow, so VS Code's native
# logger is not built, and without it output channels stay empty: build it,
# against the running Node's own headers (node-gyp would download them).
(
  cd node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog
  node "$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild \
    --nodedir="$(node -p 'require("path").resolve(process.execPath, "../..")')" >/dev/null
)
"$bin" --version
