PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
SHAREDIR = $(PREFIX)/share
# lld with packed relative relocations (DT_RELR): half the dynamic loader's start-up work.
SWIFT_RELEASE = swift build -c release --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs

.PHONY: all build install test fuzz bench deb clean

all: build

build:
	scripts/bootstrap
	$(SWIFT_RELEASE)

install: build
	install -d $(DESTDIR)$(BINDIR)
	install -m 0755 "$$($(SWIFT_RELEASE) --show-bin-path)/vault" $(DESTDIR)$(BINDIR)/vault
	scripts/install-shell-files "$(DESTDIR)$(PREFIX)"

test:
	scripts/test

# A Debian package (binary, hooks, completions, man page) in .build/deb/.
deb: build
	scripts/make-deb "$$($(SWIFT_RELEASE) --show-bin-path)/vault"

# Each libFuzzer target for FUZZ_SECONDS (default 60); see Tests/Fuzz/README.md.
fuzz:
	scripts/fuzz

bench: build
	bench/run

clean:
	rm -rf .build .build-fuzz
