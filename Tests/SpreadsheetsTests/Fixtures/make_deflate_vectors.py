"""Writes deflate-vectors.json: texts deflated by zlib (Python's zlib module, raw deflate) at
levels 0, 1, 6 and 9 and with the fixed-Huffman strategy, for the package's inflater to match.

    python3 make_deflate_vectors.py > deflate-vectors.json
"""
import base64
import json
import random
import zlib

random.seed(20261206)
texts = [
    b"",
    b"a",
    b"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>" * 400,
    bytes(random.getrandbits(8) for _ in range(9000)),
    " ".join(random.choice(["Green", "Amber", "Red", "criterion", "évidence", "✓"]) for _ in range(4000)).encode(),
]
vectors = []
for text in texts:
    for level, strategy in [(0, zlib.Z_DEFAULT_STRATEGY), (1, zlib.Z_DEFAULT_STRATEGY), (6, zlib.Z_DEFAULT_STRATEGY),
                            (9, zlib.Z_DEFAULT_STRATEGY), (6, zlib.Z_FIXED)]:
        compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 8, strategy)
        deflated = compressor.compress(text) + compressor.flush()
        vectors.append({"level": level, "fixed": strategy == zlib.Z_FIXED, "crc": zlib.crc32(text),
                        "text": base64.b64encode(text).decode(), "deflated": base64.b64encode(deflated).decode()})
print(json.dumps({"zlib": zlib.ZLIB_RUNTIME_VERSION, "vectors": vectors}))
