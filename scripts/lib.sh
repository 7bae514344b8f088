# Shared by the scripts: idempotent set-up steps, each fast when already done.
# Source it; every step prints one line and fails loudly with one line.

# -E: the ERR trap below holds in functions too.
set -eEuo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Where `cargo install` puts binaries: the install root, else CARGO_HOME.
CARGO_BIN="${CARGO_INSTALL_ROOT:-${CARGO_HOME:-$HOME/.cargo}}/bin"
export PATH="$CARGO_BIN:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

STEP="set-up"
# Each step is stamped with the minutes and seconds since the first script
# began (scripts/test's, when it runs the others).
export BAOZHI_T0="${BAOZHI_T0:-$(date +%s)}"
elapsed() { local s=$(($(date +%s) - BAOZHI_T0)); printf '%d:%02d' $((s / 60)) $((s % 60)); }
step() { STEP="$*"; printf '\n==> %s  [%s]\n' "$*" "$(elapsed)"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
# Any other failing command ends the script with the step it broke and the
# command, after whatever the command printed itself.
trap 'status=$?; printf "error: step \"%s\" failed (status %d): %s\n" "$STEP" "$status" "$BASH_COMMAND" >&2; exit "$status"' ERR

# Rust itself must be there (rustup); everything else is installed here.
need_rust() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
  command -v rustup >/dev/null || die "rustup not found: baozhi needs Rust installed by rustup (it adds the wasm32 target)"
}

# apt_packages PKG...: installs the Debian packages not yet installed, with
# one `apt-get update` first; sudo only when not root.
APT_UPDATED=""
apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "$*: present"
    return
  fi
  command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} by hand (baozhi's scripts expect Debian)"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "installing ${missing[*]} needs root: run as root or install sudo"
    sudo=sudo
  fi
  step "installing ${missing[*]} (apt)"
  if [ -z "$APT_UPDATED" ]; then
    $sudo apt-get update -qq || die "apt-get update failed"
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# cargo_tool CRATE VERSION BIN [extra args]: `cargo install` at exactly that
# version, skipped when BIN on PATH reports exactly that version.
cargo_tool() {
  local name="$1" version="$2" bin="$3"; shift 3
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "cargo_tool $name: '$version' is not a full version (x.y.z)"
  local found=""
  if command -v "$bin" >/dev/null; then
    found="$("$bin" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true)"
  fi
  if [ "$found" = "$version" ]; then
    echo "$bin $version: present"
  else
    step "installing $name $version (cargo install, a few minutes${found:+; found $found})"
    cargo install --quiet "$name" --version "$version" "$@" || die "cargo install $name $version failed"
  fi
}

need_fuzz() {
  cargo_tool cargo-fuzz 0.13.2 cargo-fuzz --locked
}

# clang compiles the C inside jieba-rs's dependencies for wasm32.
need_clang() {
  apt_packages clang
}

# The WebAssembly toolchain: the target, clang, wasm-pack, and the
# wasm-bindgen CLI at the exact version Cargo.lock pins (wasm-pack cannot
# download it here).
need_wasm() {
  need_rust
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || die "rustup target add wasm32-unknown-unknown failed"
  fi
  need_clang
  cargo_tool wasm-pack 0.15.1 wasm-pack --locked
  local bindgen
  bindgen="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')"
  [ -n "$bindgen" ] || die "cannot find the wasm-bindgen version in Cargo.lock"
  # Without --locked: its lock file does not resolve on the registry mirror.
  cargo_tool wasm-bindgen-cli "$bindgen" wasm-bindgen
}

# Debian's Chromium and ChromeDriver, Firefox ESR and geckodriver, and a CJK
# font for screenshots. Never a test tool's own browser download.
need_browsers() {
  apt_packages chromium chromium-driver firefox-esr fonts-noto-cjk
  cargo_tool geckodriver 0.37.1 geckodriver --locked
}

# The real tools that make the real-tool corpus: Chromium prints the laid-out
# pages to PDF, poppler's pdftotext extracts them; two CJK fonts that
# Chromium embeds as CID fonts with ToUnicode maps.
need_corpus_tools() {
  apt_packages chromium poppler-utils fonts-arphic-uming fonts-wqy-zenhei
}

# The npm packages of package-lock.json. `need_node build` installs only
# what building the page needs (binaryen's wasm-opt, the one "dependency");
# `need_node` (the tests) adds the dev dependencies: playwright-core,
# axe-core, and jieba-wasm as the peer measured against. Each is installed
# again only when the lock file changed.
need_node() {
  local mode="${1:-all}"
  command -v node >/dev/null || die "node not found: install Node.js 20 or later"
  command -v npm >/dev/null || die "npm not found: install Node.js 20 or later (with npm)"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js $(node --version) is too old: baozhi needs 20 or later"
  local stamp=node_modules/.baozhi-lock
  if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp" \
    && { [ "$mode" = build ] || [ -f node_modules/.baozhi-dev ]; }; then
    echo "npm packages: present"
    return
  fi
  rm -f "$stamp" node_modules/.baozhi-dev
  if [ "$mode" = build ]; then
    step "installing the npm packages the build needs (npm ci --omit=dev)"
    npm ci --omit=dev --no-audit --no-fund --loglevel=error || die "npm ci failed"
  else
    step "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
    touch node_modules/.baozhi-dev
  fi
  cp package-lock.json "$stamp"
}
