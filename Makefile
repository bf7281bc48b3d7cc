# better-auth-wasm: `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
WASM := --target wasm32-unknown-unknown
BROWSER_TESTS := $(patsubst tests/%.rs,--test %,$(wildcard tests/browser_*.rs))
# The library and the npm package's wasm (crates/npm): the crates that ship.
SHIPPED := -p better-auth-wasm -p better-auth-wasm-npm
# The browser tests read the server's address at build time; lint only type-checks them.
LINT_ENV := BA_TEST_SERVER_URL=http://127.0.0.1:9 BA_TEST_REFUSED_URL=http://127.0.0.1:9 BA_TEST_SHORT_SERVER_URL=http://127.0.0.1:9

.PHONY: setup test lint test-native test-browser test-e2e size-gate publish-check bench bench-smoke demo pkg fixtures clean

setup:
	@scripts/setup.sh

## Every test: lint, native tests, browser tests against the real server.
test: setup lint test-e2e size-gate publish-check bench-smoke test-browser test-native

lint: setup
	scripts/check-snippets.sh
	cargo fmt --all -- --check
	cargo clippy $(SHIPPED) --all-targets --all-features -- -D warnings
	$(LINT_ENV) cargo clippy $(SHIPPED) $(WASM) --all-targets --all-features -- -D warnings
	cargo clippy $(WASM) -p leptos-app -p yew-app -- -D warnings
	cargo clippy -p axum-ssr -- -D warnings
	# The server-rendering examples (leptos-ssr, yew-ssr, dioxus-app) are not clippy'd
	# here: checking their server and browser halves compiled axum, tokio and three
	# frameworks a second time (minutes of CI). Their builds for the e2e tests deny
	# rustc's warnings instead (scripts/build-ssr-example.sh, build-dioxus-app.sh).
	# Every feature on its own compiles: default, leptos, yew, dioxus (wasm) and server (native).
	cargo check --quiet $(WASM)
	for f in leptos yew dioxus; do cargo check --quiet $(WASM) --features $$f || exit 1; done
	cargo check --quiet --features server
	RUSTDOCFLAGS="-D warnings" cargo doc $(SHIPPED) --no-deps --all-features --quiet
	# The MSRV (Cargo.toml's rust-version) builds the library with every feature.
	cargo +$$(awk -F'"' '/^rust-version = / { print $$2; exit }' Cargo.toml) check --quiet $(SHIPPED) --lib --all-features

test-native: setup
	scripts/with-test-server.sh bash -c 'scripts/axum-smoke.sh && cargo test $(SHIPPED) --all-features'

test-browser: setup
	scripts/with-test-server.sh bash -c 'cargo test $(WASM) --all-features $(BROWSER_TESTS) -- --nocapture && cargo test $(WASM) -p better-auth-wasm-npm --test browser_js -- --nocapture'

## Multi-page tests: real tabs of one origin in Chromium (playwright-core).
test-e2e: setup
	scripts/e2e.sh

## The shipped size against size-budget.json (pkg/ as test-e2e built it).
size-gate: setup
	@[ -f pkg/better_auth_wasm_bg.wasm ] || scripts/build-pkg.sh
	node scripts/size.mjs --check

## Both registries would take the packages: cargo's (the library, built from its
## packaged files) and npm's (pkg/ as test-e2e built it).
publish-check: setup
	@[ -f pkg/better_auth_wasm_bg.wasm ] || scripts/build-pkg.sh
	cargo publish --dry-run --quiet --allow-dirty -p better-auth-wasm
	cd pkg && npm publish --dry-run --loglevel=warn

## This client against better-auth/client in one run: prints the table, writes
## bench/results.json; runs the property tests of the store and the parsers long.
bench:
	SETUP_BENCH=1 scripts/setup.sh
	scripts/bench.sh
	scripts/integration-bytes.sh
	ADVERSARIAL_CASES=2000 ADVERSARIAL_ENV_CASES=200 ADVERSARIAL_TRAFFIC_CASES=100 scripts/adversarial.sh
	STORE_PROPTEST_CASES=200000 PARSER_PROPTEST_CASES=200000 cargo test --release --lib --test store_properties --test store_rate -- fuzz the_store automatic_reads

## A tiny run of the benchmark, to keep it working (figures not meaningful).
bench-smoke: setup
	BENCH_SMOKE=1 scripts/bench.sh

## The real Better Auth server and the demo page on 127.0.0.1 (DEMO_PORT, default 3000).
demo: setup
	scripts/demo.sh

## The npm package in pkg/, packed into target/npm/, with its sizes printed.
pkg: setup
	scripts/build-pkg.sh

## Re-captures tests/fixtures/ from the real server.
fixtures: setup
	scripts/with-test-server.sh node test-server/capture-fixtures.mjs

clean:
	cargo clean
	rm -rf pkg www-demo/pkg
