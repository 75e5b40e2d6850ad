#!/usr/bin/env bash
# Runs every test: checks that the committed pkg/ was built from the current
# sources (scripts/pkg-hash.sh --check) and the page's build stamp is current
# (scripts/page-hash.sh --check), installs what tests need
# (scripts/setup.sh --test), checks formatting, runs the Rust tests and
# doctests, clippy, builds the CLI and a fresh wasm package into pkg/, then the
# page's unit tests (node:test) and the end-to-end tests in headless Chromium.
# Prints one line per step and a final summary; exits non-zero on any failure.
# `.ci/run` calls exactly this.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
failures=()
step() {
  local name=$1
  shift
  echo
  echo "==> $name"
  local began=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    echo "==> $name: ok ($((SECONDS - began)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "==> $name: FAILED ($((SECONDS - began)) s)"
  fi
}

# Before anything rebuilds pkg/: a stale committed pkg/ fails the run.
step "committed pkg/ is current" ./scripts/pkg-hash.sh --check
step "page build stamp is current" ./scripts/page-hash.sh --check
failed_before_setup=$failed
step "setup" ./scripts/setup.sh --test
if [ "$failed" -gt "$failed_before_setup" ]; then
  echo "steps: $passed passed, $failed failed (setup failed; nothing else was run)"
  exit 1
fi
step "rustfmt" cargo fmt --check
step "cargo test" cargo test --all-targets
step "doctests" cargo test --doc
step "clippy" cargo clippy --all-targets --quiet -- -D warnings
step "build CLI" cargo build --release --quiet
step "build wasm" ./scripts/build-wasm.sh
step "page unit tests" node --test --test-reporter=spec tests/js/
step "browser tests" node --test --test-reporter=spec --test-concurrency=1 tests/browser/

echo
if [ "$failed" -gt 0 ]; then
  echo "failed steps: ${failures[*]}"
fi
echo "steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
