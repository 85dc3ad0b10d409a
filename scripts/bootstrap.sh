#!/usr/bin/env bash
# Sourced by ./ketnoi and .ci/run. Makes sure this shell has Node 24 LTS and
# the pinned pnpm on PATH, then installs the workspace dependencies.
# Everything lands in a gitignored tools folder, so a bare machine needs only
# the machine's npm (for fetching the node and pnpm packages) to start.

KETNOI_ROOT="${KETNOI_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export KETNOI_ROOT
export KETNOI_TOOLS_DIR="${KETNOI_TOOLS_DIR:-$KETNOI_ROOT/.tools}"
export KETNOI_DATA_DIR="${KETNOI_DATA_DIR:-$KETNOI_ROOT/.data}"
# No telemetry from build tools: the machines reach only package registries.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

KETNOI_NODE_VERSION="24.21.0"
KETNOI_PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$KETNOI_ROOT/package.json")"

ketnoi_log() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*" >&2; }

ketnoi_node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

# Fetches one npm package tarball (with the machine's npm) and unpacks it.
ketnoi_fetch_npm_package() {
  local spec="$1" dest="$2" tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "$spec" >/dev/null) || { rm -rf "$tmp"; return 1; }
  mkdir -p "$dest"
  tar -xzf "$tmp"/*.tgz -C "$dest" --strip-components=1
  rm -rf "$tmp"
}

ketnoi_ensure_node() {
  mkdir -p "$KETNOI_TOOLS_DIR/bin"
  if [ "$(ketnoi_node_major)" -ge 24 ] && [ ! -L "$KETNOI_TOOLS_DIR/bin/node" ]; then
    return 0
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) ketnoi_log "unsupported CPU $(uname -m)"; return 1 ;;
  esac
  local dir="$KETNOI_TOOLS_DIR/node/$KETNOI_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    ketnoi_log "installing Node $KETNOI_NODE_VERSION (npm package node-linux-$arch, the binary behind node@24)"
    rm -rf "$dir"
    ketnoi_fetch_npm_package "node-linux-$arch@$KETNOI_NODE_VERSION" "$dir"
  fi
  ln -sfn "$dir/bin/node" "$KETNOI_TOOLS_DIR/bin/node"
}

ketnoi_ensure_pnpm() {
  local dir="$KETNOI_TOOLS_DIR/pnpm/$KETNOI_PNPM_VERSION"
  if [ ! -f "$dir/bin/pnpm.cjs" ]; then
    ketnoi_log "installing pnpm $KETNOI_PNPM_VERSION"
    rm -rf "$dir"
    ketnoi_fetch_npm_package "pnpm@$KETNOI_PNPM_VERSION" "$dir"
  fi
  cat >"$KETNOI_TOOLS_DIR/bin/pnpm" <<WRAP
#!/usr/bin/env bash
exec node "$dir/bin/pnpm.cjs" "\$@"
WRAP
  chmod +x "$KETNOI_TOOLS_DIR/bin/pnpm"
}

# Installs dependencies when the lockfile changed since the last install.
ketnoi_ensure_deps() {
  local stamp="$KETNOI_ROOT/node_modules/.ketnoi-lock-hash" want
  want="$( (cat "$KETNOI_ROOT/pnpm-lock.yaml" 2>/dev/null; node -v) | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  ketnoi_log "installing workspace dependencies"
  local frozen=()
  if [ -n "${CI:-}" ]; then frozen=(--frozen-lockfile); fi
  (cd "$KETNOI_ROOT" && pnpm install "${frozen[@]}" --reporter=append-only)
  echo "$want" >"$stamp"
}

ketnoi_bootstrap() {
  ketnoi_ensure_node
  export PATH="$KETNOI_TOOLS_DIR/bin:$PATH"
  ketnoi_ensure_pnpm
  hash -r
  ketnoi_log "node $(node -v), pnpm $(pnpm -v)"
  if [ "${KETNOI_SKIP_INSTALL:-}" != "1" ]; then ketnoi_ensure_deps; fi
}
