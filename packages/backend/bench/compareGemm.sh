#!/usr/bin/env bash
# Times the SIMD gemm of a past revision of wasm/simd.c against the working
# tree's, side by side in one process on the same tensors, and checks that the
# two give bit-for-bit the same C. Needs clang and lld (apt-get install -y clang lld).
#   bash bench/compareGemm.sh <git revision> [shapes as JSON: [[m, k, n, ta, tb], …]]
# Run it on one thread to time the kernel itself: GANKIT_WASM_THREADS=1.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: bash bench/compareGemm.sh <git revision> [shapes JSON]}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
git show "$rev:packages/backend/wasm/simd.c" > "$out/before.c"
cp wasm/simd.c "$out/after.c"
flags=(--target=wasm32 -O3 -msimd128 -nostdlib -fno-builtin -Wl,--no-entry -Wl,--import-memory -Wl,--export=gemm -ffp-contract=off -Wl,--strip-all -Wl,-z,stack-size=0)
shared=(-matomics -mbulk-memory -Wl,--shared-memory -Wl,--max-memory=4294967296)
for v in before after; do
  clang "${flags[@]}" -o "$out/$v.wasm" "$out/$v.c"
  clang "${flags[@]}" "${shared[@]}" -o "$out/$v-shared.wasm" "$out/$v.c"
done
GEMM_MODULES="$out" GEMM_REV="$rev" GEMM_SHAPES="${2:-}" npx tsx --conditions=@gankit/source bench/compareGemm.ts
