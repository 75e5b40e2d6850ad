#!/usr/bin/env bash
# Installs what building and testing need, idempotently and only what is
# missing: the Rust toolchain pinned in rust-toolchain.toml with rustfmt,
# clippy and the wasm32 target, wasm-bindgen-cli at exactly the version in
# Cargo.lock, the npm packages (binaryen's wasm-opt for the build;
# playwright-core and ajv for tests), and with `--test` also Debian's chromium.
# Serving the committed pkg/ needs none of this (scripts/serve.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Checked by listing, not by `rustup ... add`, so nothing is fetched when all is there.
channel=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
if ! rustup toolchain list | grep -q "^$channel-"; then
  echo "setup: installing Rust $channel (rust-toolchain.toml)"
  rustup toolchain install "$channel" --profile minimal \
    --component rustfmt,clippy --target wasm32-unknown-unknown
fi
installed=$(rustup +"$channel" component list --installed)
for component in rustfmt clippy; do
  if ! grep -q "^$component-" <<<"$installed"; then
    echo "setup: adding $component to Rust $channel"
    rustup +"$channel" component add "$component"
  fi
done
if ! grep -qx rust-std-wasm32-unknown-unknown <<<"$installed"; then
  echo "setup: adding the wasm32-unknown-unknown target to Rust $channel"
  rustup +"$channel" target add wasm32-unknown-unknown
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  echo "setup: installing wasm-bindgen-cli $bindgen_version (it compiles for 15-20 minutes)"
  # Not --locked: the CLI's own lock file pins dependency versions that some
  # registry mirrors lack (0.2.130 pins webpki-roots 1.0.11), and then the
  # install fails. The CLI version itself is pinned exactly, and that is what
  # must match the crate; its dependencies resolve to the newest compatible ones.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_test" = 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]} (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
