#!/usr/bin/env python3
"""Reference results from the official OpenAI Python SDK, for ChunkScope's fixture corpus.

Reads a recorded `.sse` body, decodes it with the SDK's own `Stream` (its SSE decoder, `[DONE]`
handling and error-payload handling) and accumulates it with the SDK's own `ChatCompletionStream`
/ `ChatCompletionStreamState` (the `client.chat.completions.stream()` helper), then prints the
`chunkscope check --json` shape:

  {"choices":[{"index","content","reasoning","refusal","tool_calls":[{"index","id","type","name","arguments"}],
   "finish_reason"}],"usage":{...as sent...},"diagnostics":[...],"events":N}

Where ChunkScope's contract deliberately differs from the SDK, this script applies the contract:
  * usage   = the last non-null usage object in the stream, as sent (the SDK keeps the *last chunk's*
              usage, which is null for xAI's second-to-last usage chunk);
  * reasoning = reasoning_content if it has text, else reasoning (the SDK keeps both as extras);
  * events  = number of SSE events the SDK's decoder yields over the whole body.
`diagnostics` are ChunkScope's own lint (the SDK has none): printed as [] and, with --write,
kept from the existing expected file.

Usage:
  sdk-reference.py FILE.sse            print the SDK result (exit 3 when the SDK raises)
  sdk-reference.py --write DIR         (re)write DIR/NAME.expected.json for every NAME.sse without a NAME.note.md
  sdk-reference.py --verify DIR        check every committed expectation against the live SDK;
                                       for NAME.note.md fixtures, check that the SDK still fails or differs
  sdk-reference.py --fuzz N CHUNKSCOPE differential test: N random OpenAI-shaped streams (n=1/2, text,
                                       refusal, reasoning, fragmented tool calls, repeated ids/names,
                                       usage) through the SDK and `CHUNKSCOPE check --json`; must agree
"""
import json
import sys
from pathlib import Path

import httpx2
from openai import OpenAI, Stream
from openai._types import omit
from openai.lib.streaming.chat._completions import ChatCompletionStream
from openai._streaming import SSEDecoder
from openai.types.chat import ChatCompletionChunk


class SDKFailure(Exception):
    """The SDK raised while decoding or accumulating."""


def sdk_events(body: bytes):
    return list(SSEDecoder().iter_bytes(iter([body])))


def last_usage(events):
    usage = None
    for sse in events:
        if sse.data.startswith("[DONE]"):
            break
        try:
            data = json.loads(sse.data)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("usage") is not None:
            usage = data["usage"]
    return usage


def reasoning_of(message):
    rc = getattr(message, "reasoning_content", None)
    r = getattr(message, "reasoning", None)
    if isinstance(rc, str) and rc:
        return rc
    if isinstance(r, str) and r:
        return r
    if isinstance(rc, str):
        return rc
    if isinstance(r, str):
        return r
    return None


def sdk_result(body: bytes) -> dict:
    client = OpenAI(api_key="sk-reference-not-used", base_url="http://127.0.0.1:9/v1")
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    response = httpx2.Response(200, content=body, request=request, headers={"content-type": "text/event-stream"})
    raw = Stream(cast_to=ChatCompletionChunk, response=response, client=client)
    stream = ChatCompletionStream(raw_stream=raw, response_format=omit, input_tools=omit)
    try:
        for _ in stream:
            pass
        # The accumulated snapshot itself: `get_final_completion()` adds a parsing step that raises
        # on finish_reason "length" / "content_filter" by design, which is not accumulation.
        completion = stream.current_completion_snapshot
    except Exception as error:  # the SDK gives up: report how
        raise SDKFailure(f"{type(error).__name__}: {error}") from error
    choices = []
    for choice in sorted(completion.choices, key=lambda c: c.index):
        message = choice.message
        calls = None
        if message.tool_calls:
            calls = []
            for position, call in enumerate(message.tool_calls):
                function = getattr(call, "function", None)
                calls.append({
                    "index": getattr(call, "index", position),
                    "id": call.id,
                    "type": call.type,
                    "name": getattr(function, "name", None),
                    "arguments": getattr(function, "arguments", None),
                })
            calls.sort(key=lambda c: c["index"])
        choices.append({
            "index": choice.index,
            "content": message.content,
            "reasoning": reasoning_of(message),
            "refusal": message.refusal,
            "tool_calls": calls,
            "finish_reason": choice.finish_reason,
        })
    events = sdk_events(body)
    return {"choices": choices, "usage": last_usage(events), "diagnostics": [], "events": len(events)}


def dump(result: dict) -> str:
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def comparable(result: dict) -> dict:
    return {k: result.get(k) for k in ("choices", "usage", "events")}


def write(directory: Path) -> int:
    for sse in sorted(directory.glob("*.sse")):
        name = sse.name[: -len(".sse")]
        if (directory / f"{name}.note.md").exists():
            continue
        expected_path = directory / f"{name}.expected.json"
        try:
            result = sdk_result(sse.read_bytes())
        except SDKFailure as failure:
            print(f"{name}: SDK fails ({failure}); write {name}.note.md and the expectation by hand", file=sys.stderr)
            continue
        if expected_path.exists():
            result["diagnostics"] = json.loads(expected_path.read_text()).get("diagnostics", [])
        expected_path.write_text(dump(result))
        print(f"wrote {expected_path}")
    return 0


def verify(directory: Path) -> int:
    bad = 0
    checked = 0
    for sse in sorted(directory.glob("*.sse")):
        name = sse.name[: -len(".sse")]
        expected = json.loads((directory / f"{name}.expected.json").read_text())
        noted = (directory / f"{name}.note.md").exists()
        try:
            result = sdk_result(sse.read_bytes())
            failure = None
        except SDKFailure as error:
            result, failure = None, str(error)
        checked += 1
        if noted:
            if failure is not None:
                print(f"ok    {name}: SDK fails as noted ({failure.splitlines()[0][:90]})")
            elif comparable(result) != comparable(expected):
                print(f"ok    {name}: SDK result differs, as noted")
            else:
                print(f"STALE {name}: the SDK now succeeds and agrees; the note can go")
        elif failure is not None:
            bad += 1
            print(f"FAIL  {name}: SDK raised {failure}")
        elif comparable(result) != comparable(expected):
            bad += 1
            print(f"FAIL  {name}: SDK result differs from the committed expectation")
            print("  sdk:      " + json.dumps(comparable(result), ensure_ascii=False)[:400])
            print("  expected: " + json.dumps(comparable(expected), ensure_ascii=False)[:400])
        else:
            print(f"ok    {name}")
    print(f"{checked} fixtures, {bad} disagreeing with the SDK")
    return 1 if bad else 0


def random_stream(rng) -> bytes:
    """An OpenAI-shaped stream the SDK accumulates without raising (indices from 0, choice 0 first)."""
    n = rng.choice([1, 1, 1, 2])
    per_choice = []
    for index in range(n):
        deltas = []
        first = {"role": "assistant"}
        if rng.random() < 0.7:
            first["content"] = rng.choice(["", None, "Hi"])
        if rng.random() < 0.2:
            first["refusal"] = None
        deltas.append(first)
        reasoning_key = rng.choice([None, "reasoning_content", "reasoning"])
        if reasoning_key:
            for _ in range(rng.randint(1, 4)):
                deltas.append({reasoning_key: rng.choice(["think", " more", "", "\n", "é"])})
        mode = rng.choice(["text", "text", "tools", "refusal", "mixed"])
        if mode in ("text", "mixed"):
            for _ in range(rng.randint(0, 6)):
                deltas.append({"content": rng.choice(["a", " word", "", "😊", "\"q\"", "\n", "日本"])})
        if mode == "refusal":
            for _ in range(rng.randint(1, 3)):
                deltas.append({"refusal": rng.choice(["No", " way", ""]), "content": None})
        if mode in ("tools", "mixed"):
            for call in range(rng.randint(1, 3)):
                name = rng.choice(["get_weather", "f", "lookup"])
                args = rng.choice(['{"a": 1}', '{"city": "Paris", "n": [1, 2]}', "{}", '{"x": "y'])
                if rng.random() < 0.3:  # whole call in one delta
                    deltas.append({"tool_calls": [{"index": call, "id": f"call_{index}_{call}", "type": "function",
                                                   "function": {"name": name, "arguments": args}}]})
                    continue
                head = {"index": call, "id": f"call_{index}_{call}", "type": "function", "function": {"name": name, "arguments": ""}}
                if rng.random() < 0.2:  # name in two fragments
                    head["function"]["name"] = name[:1]
                    deltas.append({"tool_calls": [head]})
                    deltas.append({"tool_calls": [{"index": call, "function": {"name": name[1:]}}]})
                else:
                    deltas.append({"tool_calls": [head]})
                cuts = sorted(rng.sample(range(len(args) + 1), min(3, len(args) + 1)))
                pieces = [args[a:b] for a, b in zip([0] + cuts, cuts + [len(args)])]
                for k, piece in enumerate(pieces):
                    entry = {"index": call, "function": {"arguments": piece}}
                    if k == 1 and rng.random() < 0.3:
                        entry["type"] = "function"
                        entry["function"]["name"] = ""
                    if k == 1 and rng.random() < 0.1:
                        entry["id"] = f"call_{index}_{call}"
                    deltas.append({"tool_calls": [entry]})
        finish = rng.choice(["stop", "length", "tool_calls", None, "stop"])
        per_choice.append((index, deltas, finish))
    chunks = []
    queues = [list(d) for (_, d, _) in per_choice]
    # choice 0 speaks first; afterwards the choices interleave at random
    order = [i for i, q in enumerate(queues) for _ in q]
    order.remove(0)
    rng.shuffle(order)
    order.insert(0, 0)
    positions = [0] * n
    usage_every = rng.random() < 0.2
    for i in order:
        delta = queues[i][positions[i]]
        positions[i] += 1
        choice = {"index": i, "delta": delta, "finish_reason": None}
        if rng.random() < 0.15:
            choice["logprobs"] = {"content": [{"token": "t", "logprob": -0.5, "bytes": [116], "top_logprobs": []}], "refusal": None}
        chunk = {"id": "chatcmpl-fuzz", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [choice]}
        if usage_every:
            chunk["usage"] = {"prompt_tokens": 3, "completion_tokens": len(chunks), "total_tokens": 3 + len(chunks)}
        chunks.append(chunk)
    for index, _, finish in per_choice:
        if finish:
            chunks.append({"id": "chatcmpl-fuzz", "object": "chat.completion.chunk", "created": 1, "model": "m",
                           "choices": [{"index": index, "delta": {}, "finish_reason": finish}]})
    if rng.random() < 0.5:
        chunks.append({"id": "chatcmpl-fuzz", "object": "chat.completion.chunk", "created": 1, "model": "m", "choices": [],
                       "usage": {"prompt_tokens": 3, "completion_tokens": 9, "total_tokens": 12,
                                 "completion_tokens_details": {"reasoning_tokens": 2}}})
    body = "".join("data: " + json.dumps(c, ensure_ascii=False) + "\n\n" for c in chunks)
    if rng.random() < 0.8:
        body += "data: [DONE]\n\n"
    return body.encode("utf-8")


def fuzz(count: int, chunkscope: str) -> int:
    import random
    import subprocess
    import tempfile
    rng = random.Random(20261125)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in range(count):
            body = random_stream(rng)
            path = Path(tmp) / f"case{case}.sse"
            path.write_bytes(body)
            try:
                expected = comparable(sdk_result(body))
            except SDKFailure as failure:
                print(f"skip  case {case}: SDK gave up ({failure})")
                continue
            run = subprocess.run([chunkscope, "check", "--json", str(path)], capture_output=True, text=True)
            if run.returncode not in (0, 1):
                bad += 1
                print(f"FAIL  case {case}: chunkscope exited {run.returncode}: {run.stderr.strip()}")
                continue
            actual = comparable(json.loads(run.stdout))
            if actual != expected:
                bad += 1
                keep = Path(tmp).parent / f"chunkscope-fuzz-case{case}.sse"
                keep.write_bytes(body)
                print(f"FAIL  case {case} (kept as {keep})")
                print("  sdk:        " + json.dumps(expected, ensure_ascii=False)[:600])
                print("  chunkscope: " + json.dumps(actual, ensure_ascii=False)[:600])
    print(f"{count} random streams, {bad} disagreeing with the SDK")
    return 1 if bad else 0


def main(argv) -> int:
    if len(argv) == 4 and argv[1] == "--fuzz":
        return fuzz(int(argv[2]), argv[3])
    if len(argv) == 3 and argv[1] == "--write":
        return write(Path(argv[2]))
    if len(argv) == 3 and argv[1] == "--verify":
        return verify(Path(argv[2]))
    if len(argv) == 2 and not argv[1].startswith("--"):
        try:
            print(dump(sdk_result(Path(argv[1]).read_bytes())), end="")
        except SDKFailure as failure:
            print(f"the SDK gave up: {failure}", file=sys.stderr)
            return 3
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
