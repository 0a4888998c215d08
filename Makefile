# Quick start: `make site` builds the handbook into Site/, `make test` runs every check.

SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN = $(shell swift build --show-bin-path)

.PHONY: site test deps build clean

## Install the C libraries the build links against, when pkg-config cannot find them.
deps:
	@pkg-config --exists libcmark || { \
	  echo "Installing libcmark-dev (the cmark C library) with apt-get..."; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	} || { echo "error: could not install libcmark-dev; install it with: apt-get install libcmark-dev" >&2; exit 1; }

build: deps
	swift build --product handbook

## Build the default handbook (Content/ with Templates/) into Site/.
site: build
	$(BIN)/handbook build --content Content --templates Templates --output Site --strict

## Unit, end-to-end and conformance tests.
test: deps
	swift test

clean:
	rm -rf .build
