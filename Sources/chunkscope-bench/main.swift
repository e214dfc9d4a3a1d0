// chunkscope-bench: throughput benchmark for decode + accumulate + lint (release build).
print("chunkscope-bench")
