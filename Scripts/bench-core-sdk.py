#!/usr/bin/env python3
"""The official OpenAI Python SDK's own decode + accumulate over a recorded `.sse` stream, timed.

Used by Scripts/bench-core.sh beside `chunkscope-bench` on the very same generated files.
Two figures per file, both through the SDK's real machinery, fed in 16 KiB reads like a socket
(rates from the thread's CPU time, as chunkscope-bench reports them; wall time alongside):
  decode      `openai.Stream[ChatCompletionChunk]` (its SSEDecoder, `[DONE]` and error handling,
              json.loads, construction of ChatCompletionChunk objects)
  accumulate  the same, wrapped in `ChatCompletionStream` (what `client.chat.completions.stream()`
              uses: ChatCompletionStreamState accumulation + its stream events)

Usage: bench-core-sdk.py [--json OUT] FILE.sse...
"""
import json
import sys
import time

import httpx2
from openai import OpenAI, Stream
from openai._types import omit
from openai.lib.streaming.chat._completions import ChatCompletionStream
from openai.types.chat import ChatCompletionChunk

READ_SIZE = 16 * 1024


def response_for(body: bytes) -> httpx2.Response:
    def reads():
        for start in range(0, len(body), READ_SIZE):
            yield body[start:start + READ_SIZE]

    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    return httpx2.Response(200, content=reads(), request=request, headers={"content-type": "text/event-stream"})


def measure(path: str) -> list:
    body = open(path, "rb").read()
    client = OpenAI(api_key="sk-bench-not-used", base_url="http://127.0.0.1:9/v1")
    results = []

    start, wall = time.thread_time(), time.perf_counter()
    chunks = 0
    for _ in Stream(cast_to=ChatCompletionChunk, response=response_for(body), client=client):
        chunks += 1
    results.append(("decode", chunks, time.thread_time() - start, time.perf_counter() - wall))

    start, wall = time.thread_time(), time.perf_counter()
    raw = Stream(cast_to=ChatCompletionChunk, response=response_for(body), client=client)
    stream = ChatCompletionStream(raw_stream=raw, response_format=omit, input_tools=omit)
    for _ in stream:
        pass
    snapshot = stream.current_completion_snapshot
    elapsed, wall_elapsed = time.thread_time() - start, time.perf_counter() - wall
    if not snapshot.choices:
        raise SystemExit(f"{path}: the SDK accumulated no choice")
    results.append(("accumulate", chunks, elapsed, wall_elapsed))

    name = path.rsplit("/", 1)[-1].removesuffix(".sse")
    return [{"stream": name, "workload": workload, "chunks": count, "bytes": len(body), "seconds": seconds,
             "wall_seconds": wall_seconds, "chunks_per_second": int(count / seconds),
             "wall_chunks_per_second": int(count / wall_seconds), "mb_per_second": round(len(body) / seconds / 1e6, 1)}
            for workload, count, seconds, wall_seconds in results]


def main(argv) -> int:
    out = None
    if len(argv) >= 3 and argv[1] == "--json":
        out, argv = argv[2], [argv[0]] + argv[3:]
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    import openai
    print(f"OpenAI Python SDK {openai.__version__} (Python {sys.version.split()[0]}), one thread, {READ_SIZE}-byte reads;"
          " rates use the thread's CPU time, like chunkscope-bench")
    figures = []
    for path in argv[1:]:
        for entry in measure(path):
            figures.append(entry)
            print(f"  {entry['stream']:<11} {entry['workload']:<11} {entry['chunks_per_second']:>9,} chunks/s "
                  f"{entry['mb_per_second']:>7.1f} MB/s  ({entry['chunks']} chunks in {entry['seconds']:.2f} s CPU, "
                  f"{entry['wall_seconds']:.2f} s wall)")
    if out:
        with open(out, "w") as handle:
            json.dump({"sdk_version": openai.__version__, "measurements": figures}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
