#!/bin/sh
# Writes the `json` target's seeds: each `parse` seed of at most 16 KB
# without a NUL byte, a NUL, and its `outline --json`. Run from the
# repository root after the JSON shape changes (the test
# `api::json_fuzz_seeds_read_back_with_their_text` says when).
set -eu
cargo build --release --example outline
rm -f fuzz/seeds/json/*
for f in fuzz/seeds/parse/*; do
  [ "$(wc -c < "$f")" -le 16000 ] || continue
  if tr -d '\000' < "$f" | cmp -s - "$f"; then
    name=$(basename "$f"); name=${name%.*}
    json=$(target/release/examples/outline --json "$f") || continue
    { cat "$f"; printf '\000'; printf '%s' "$json"; } > "fuzz/seeds/json/$name.bin"
  fi
done
