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
