# Shared by the scripts: idempotent set-up steps, each fast when already done.
# Source it; every step prints one line and fails loudly.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Rust itself must be there (rustup); everything else is installed here.
need_rust() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
}

# cargo install NAME VERSION [extra args]: skipped when that version is on PATH.
cargo_tool() {
  local name="$1" version="$2" bin="$3"; shift 3
  if command -v "$bin" >/dev/null && "$bin" --version 2>/dev/null | grep -q "$version"; then
    echo "$bin $version: present"
  else
    step "installing $name $version (cargo install, a few minutes)"
    cargo install "$name" --version "$version" "$@"
  fi
}

need_fuzz() {
  cargo_tool cargo-fuzz 0.13.2 cargo-fuzz --locked
}

# The WebAssembly toolchain: the target, wasm-pack, and the wasm-bindgen CLI
# at the exact version Cargo.lock pins (wasm-pack cannot download it here).
need_wasm() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  cargo_tool wasm-pack 0.15.1 wasm-pack --locked
  local bindgen
  bindgen="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')"
  [ -n "$bindgen" ] || die "cannot find the wasm-bindgen version in Cargo.lock"
  cargo_tool wasm-bindgen-cli "$bindgen" wasm-bindgen
}

# Debian's Chromium and ChromeDriver, Firefox ESR and geckodriver, and a CJK
# font for screenshots. Never a test tool's own browser download.
need_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} (apt)"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "chromium, chromedriver, firefox-esr, CJK fonts: present"
  fi
  cargo_tool geckodriver 0.37 geckodriver --locked
}

# The npm packages of package-lock.json (playwright-core, axe-core, binaryen,
# jieba-wasm), installed again only when the lock file changed.
need_node() {
  command -v npm >/dev/null || die "npm not found: install Node.js 20"
  if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.baozhi-lock; then
    step "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.baozhi-lock
  else
    echo "npm packages: present"
  fi
}
