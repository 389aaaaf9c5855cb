#!/usr/bin/env bash
# Turn a Hugging Face WizardVicuna checkpoint into an MLC folder that
# WizardVicuna Chat can import (Manage models → Import an MLC model folder)
# or load from a host (Settings → where MLC builds are hosted).
#
# Needs MLC LLM (https://llm.mlc.ai/docs/install/mlc_llm.html): `mlc_llm` on PATH.
# The model library is not compiled here: WizardVicuna has Llama-1 shapes, so
# web-llm 0.2.86's Llama-2 libraries run it (the app points at them).
#
# Usage: tools/convert-wizardvicuna-mlc.sh <hf-checkpoint-dir> <7B|13B> [q4f16_1|q4f32_1] [out-dir]
#   e.g. git clone https://huggingface.co/TheBloke/wizard-vicuna-13B-HF
#        tools/convert-wizardvicuna-mlc.sh wizard-vicuna-13B-HF 13B q4f16_1
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 2 ] || usage
SRC=$1
SIZE=$2
QUANT=${3:-q4f16_1}
OUT=${4:-WizardVicuna-$SIZE-$QUANT-MLC}

case "$SIZE" in 7B|13B) ;; *) echo "Size must be 7B or 13B, got '$SIZE'." >&2; exit 2 ;; esac
case "$QUANT" in q4f16_1|q4f32_1) ;; *) echo "Quantization must be q4f16_1 or q4f32_1, got '$QUANT'." >&2; exit 2 ;; esac
if [ "$SIZE" = 13B ] && [ "$QUANT" = q4f32_1 ]; then
  echo "web-llm 0.2.86 has no 13B q4f32_1 model library; use q4f16_1 for 13B." >&2
  exit 2
fi
[ -f "$SRC/config.json" ] || { echo "'$SRC' has no config.json: pass the folder of a Hugging Face checkpoint." >&2; exit 2; }
command -v mlc_llm >/dev/null || { echo "mlc_llm is not installed (pip install mlc-llm, see the MLC docs)." >&2; exit 2; }

mlc_llm convert_weight "$SRC" --quantization "$QUANT" -o "$OUT"
# Vicuna v1.1 template, the 2048-token context WizardVicuna was trained with,
# and the 1024-token prefill chunk the Llama-2 "cs1k" libraries were built for.
mlc_llm gen_config "$SRC" --quantization "$QUANT" --conv-template vicuna_v1.1 \
  --context-window-size 2048 --prefill-chunk-size 1024 -o "$OUT"

echo "Done: $OUT"
echo "Import it in the app (Manage models → Import an MLC model folder) together with"
echo "https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Llama-2-${SIZE,,}-chat-hf-${QUANT}_cs1k-webgpu.wasm"
echo "or host the folder and set Settings → 'Where WizardVicuna MLC builds are hosted' to its parent URL."
