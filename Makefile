# laclasse-sim — every target installs what it needs first, so that a fresh machine of this
# kind (Debian, rustup, Node.js + npm) gets there with `make serve` or `make test` alone.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_BIN := $(HOME)/.cargo/bin
NODE_BIN := $(CURDIR)/node_modules/.bin
export PATH := $(NODE_BIN):$(CARGO_BIN):$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM_TARGET := wasm32-unknown-unknown
TRUNK_VERSION := ~0.21
# The wasm-bindgen CLI must be exactly the crate's version in Cargo.lock.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/version = "\(.*\)"/\1/p}' Cargo.lock)
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: docs-examples help setup setup-rust setup-web setup-browser setup-office setup-hosting setup-firefox build serve test test-native test-browser test-e2e test-firefox lint bench size measure fuzz clean

help:
	@echo "make serve   installe ce qui manque, construit et sert l'application sur http://$(HOST):$(PORT)/"
	@echo "make test    installe ce qui manque et lance tous les tests (fmt, clippy, natifs, Chromium, Firefox ESR)"
	@echo "make bench   mesure le moteur (criterion)"
	@echo "make size    mesure la taille téléchargée de l'application (gzip)"
	@echo "make measure mesure dans Chromium : octets avant les chiffres, navigation → chiffres (1re et 2e visite), saisie dans 625 écoles"
	@echo "make fuzz    fuzze le lecteur de scénarios, la liste des communes et les liens (cargo-fuzz, nightly), FUZZ_SECONDS s chacun (600)"

setup: setup-rust setup-web setup-browser setup-firefox setup-office setup-hosting

setup-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@command -v trunk >/dev/null && trunk --version | grep -q ' 0\.21\.' \
	  || cargo install trunk --locked --version '$(TRUNK_VERSION)'
	@command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q ' $(WASM_BINDGEN_VERSION)$$' \
	  && command -v wasm-bindgen-test-runner >/dev/null \
	  || cargo install wasm-bindgen-cli --version '$(WASM_BINDGEN_VERSION)'

setup-web:
	@[ -x $(NODE_BIN)/wasm-opt ] && [ -f node_modules/.package-lock.json ] \
	  && cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null \
	  || npm ci --no-audit --no-fund

setup-browser:
	@command -v chromium >/dev/null && [ -x $(CHROMEDRIVER) ] \
	  || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; }

# Debian's Firefox ESR, for the core of the end-to-end tests (tests/firefox, puppeteer-core over
# WebDriver BiDi: Playwright cannot drive this Firefox).
setup-firefox:
	@command -v firefox-esr >/dev/null \
	  || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr; }

# LibreOffice opens the documents' .odt in a test (Debian's package, without a window);
# pdftotext (poppler-utils) reads the printed page's PDF back in an end-to-end test.
setup-office:
	@command -v soffice >/dev/null && command -v pdftotext >/dev/null \
	  || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils; }

# nginx, to try the hosting configuration of docs/hosting/ in an end-to-end test (Debian's
# package; the test starts it on a port of its own, never as a service).
setup-hosting:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] \
	  || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx; }

build: setup-rust setup-web
	trunk build --release

serve: build
	@echo "laclasse-sim : http://$(HOST):$(PORT)/ (exemple : Tassin-la-Demi-Lune)"
	trunk serve --release --no-autoreload --address $(HOST) --port $(PORT)

lint: setup-rust
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) --workspace --lib --bins -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib --bins --tests -- -D warnings

test-native: setup-office
	cargo test --workspace

test-browser: setup-rust setup-browser
	cargo test --target $(WASM_TARGET) --test web

# The built site in Chromium, typed and clicked as a person would (Playwright, axe-core).
test-e2e: build setup-browser setup-office setup-hosting
	PATH="$$PATH:/usr/sbin" npx playwright test

# The same site in Firefox ESR: figures, an edit, an error said when the field is left, a
# document from the worker, a reload, offline, « Quitter la convention en 2027 », axe.
test-firefox: build setup-firefox
	node tests/firefox/core.mjs

test: setup lint test-native test-browser test-e2e test-firefox

# The example documents of docs/examples/, from the Tassin example with the seed's meeting.
docs-examples:
	cargo build --bin laclasse-sim
	B=target/debug/laclasse-sim; S=data/examples/tassin-seance.json; D=docs/examples; \
	for f in txt odt html; do $$B export deliberation $$S -o $$D/deliberation-tassin.$$f; done; \
	for f in txt odt; do $$B export resiliation $$S --date 2025-06-01 -o $$D/lettre-resiliation-tassin.$$f; \
	  $$B export liste $$S --date 2025-03-01 -o $$D/lettre-liste-tassin.$$f; done; \
	$$B export budget $$S -o $$D/budget-tassin.csv; \
	$$B export annex1 $$S -o $$D/annexe1-budget-tassin.ods

bench:
	cargo bench --bench simulate

size: build
	scripts/size.sh

# What a first visit transfers before the figures, navigation → figures (first and second
# visits, locally and on an emulated connection), an edit in a 625-school scenario (Chromium).
measure: build setup-browser
	@python3 -m http.server 8125 --bind 127.0.0.1 --directory dist >/dev/null 2>&1 & pid=$$!; \
	  sleep 1; PORT=8125 node scripts/measure.js; status=$$?; kill $$pid; exit $$status

# The readers under cargo-fuzz (nightly), FUZZ_SECONDS each: the scenario, the list of
# communes with school counts, the shared links (FUZZ_TARGETS to choose). The committed seeds
# (fuzz/corpus/<target>) are only read; what the run adds goes to fuzz/corpus-run (ignored), a
# crash to fuzz/artifacts (ignored).
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= scenario counts link
fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus-run/$$t; \
	  dict=""; [ "$$t" = scenario ] && dict="-dict=fuzz/scenario.dict"; \
	  cargo +nightly fuzz run $$t fuzz/corpus-run/$$t fuzz/corpus/$$t -- $$dict -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

clean:
	cargo clean
	rm -rf dist
