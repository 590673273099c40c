# Dossier's set-up and everyday commands. Each target installs the system libraries it needs
# (libyaml, libxml2, libcmark through apt-get) when they are missing, so a fresh machine needs
# nothing but Swift 6 and this file.
SWIFT ?= swift
DATA ?= $(CURDIR)/../shared/data
EXAMPLE ?= Examples/Articles/harbour-bridge.txt
BIN_RELEASE = .build/release/dossier

.PHONY: deps build run test check-all faults evaluate bench example browser-check clean

deps:
	@./scripts/install-deps

build: deps
	$(SWIFT) build

# The main job: the embedded default pipeline on a bundled example article.
run: deps
	$(SWIFT) run dossier run $(EXAMPLE)

test: deps
	$(SWIFT) test

# Everything CI runs and what it leaves for a release: every fault case, DocC, the fuzz replay, the
# custom-components example, the browser check and Spark (about 35 minutes; see .ci/run).
check-all: deps
	CI_FULL=1 ./.ci/run

# Replays the red-team's faults (signals, a full disk, closed streams, hostile ids) against the binary.
faults: deps
	$(SWIFT) build --product dossier
	./scripts/fault-suite

# Scores against the public evaluation data in ../shared/data (not part of the repository).
evaluate: deps
	DATA=$(DATA) ./scripts/evaluate

# Throughput next to spaCy and pySBD on the same text (see Docs/Performance.md).
bench: deps
	./scripts/bench

# Builds Examples/CustomComponents against this checkout: its own dossier with its own layer, the
# command plugin, the build-tool plugin on a good target and on a broken one (see scripts/check-example).
example: deps
	./scripts/check-example

# Renders the example article's HTML report in headless Chromium (installed when missing) and checks
# its DOM; 'make browser-check SHOT=Docs/report.png' refreshes the committed screenshot.
browser-check: deps
	./scripts/browser-check "" $(SHOT)

clean:
	rm -rf .build
