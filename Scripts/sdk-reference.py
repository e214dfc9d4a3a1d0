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


def main(argv) -> int:
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
