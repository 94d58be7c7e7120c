# embedlings — `make run` to take the course, `make test` to test it.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
PYTHON ?= python3

.PHONY: run test build release bench deps system-deps python-deps bench-deps clean

run: system-deps
	$(SWIFT) build --product embedlings
	$(SWIFT) run --skip-build embedlings

build: system-deps
	$(SWIFT) build

release: system-deps
	$(SWIFT) build -c release

test: system-deps python-deps
	$(SWIFT) test
	$(SWIFT) build --product embedlings
	$(SWIFT) run --skip-build embedlings check

bench: system-deps python-deps bench-deps
	$(SWIFT) build -c release --product embedlings
	$(SWIFT) build -c release --product Benchmarks
	$(SWIFT) run -c release --skip-build Benchmarks

deps: system-deps python-deps

# libedit-dev (with pkg-config to find it) is the one system library the build needs.
system-deps:
	@if ! pkg-config --exists libedit 2>/dev/null; then \
		echo "Installing libedit-dev (needed for line editing)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config; \
	fi

# The served-endpoint benchmark loads both servers with wrk, a separate process.
bench-deps:
	@command -v wrk >/dev/null 2>&1 || { \
		echo "Installing wrk (the benchmark's HTTP load generator)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; \
	}

# Differential tests compare with real CPython, numpy, scipy and tiktoken.
python-deps:
	@if command -v $(PYTHON) >/dev/null 2>&1; then \
		$(PYTHON) -c "import numpy, scipy, tiktoken, openai" 2>/dev/null || \
		$(PYTHON) -m pip install -q numpy scipy tiktoken openai || \
		echo "warning: could not install numpy/scipy/tiktoken/openai; differential tests will say they are skipped"; \
	else \
		echo "warning: python3 not found; differential tests will say they are skipped"; \
	fi

clean:
	rm -rf .build
