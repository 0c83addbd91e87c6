# The two commands: `make serve` builds and serves the widget; `make test` runs every test.
.PHONY: serve test build bench fuzz

serve:
	scripts/serve.sh

test:
	scripts/test.sh

build:
	scripts/setup.sh build
	scripts/build.sh

# Each cargo-fuzz target for 60 s (installs cargo-fuzz when missing). Not part of `make test`.
fuzz:
	scripts/fuzz.sh 60

# The browser benchmark against the release build (a few minutes); see docs/performance.md.
# Not part of `make test`.
bench:
	scripts/setup.sh build
	scripts/build.sh
	node bench/run.mjs
