#!/usr/bin/env python3
"""Checks ChunkScope's mock provider with a third-party client: the official OpenAI Python SDK.

Every scenario is requested through `openai.OpenAI(base_url=...)`, streamed with the SDK's own
`chat.completions.stream()` helper (its SSE decoder and ChatCompletionStreamState accumulation),
and the result is compared with what the scenario promises; fault scenarios must raise the SDK's
matching exception. Non-streaming `create()` and `models.list()` are checked too.

Usage: mock-sdk-check.py BASE_URL      (exit 1 when any check fails)
"""
import json
import sys

import openai

base_url = sys.argv[1]
client = openai.OpenAI(base_url=base_url, api_key="sk-mock-check-0123456789", max_retries=0, timeout=20)
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f"  ({detail})"))
    if not condition:
        failures.append(name)


def stream(model, **extra):
    with client.chat.completions.stream(model=model, messages=[{"role": "user", "content": "hello SDK"}],
                                        stream_options={"include_usage": True}, **extra) as s:
        for _ in s:
            pass
        return s.get_final_completion()


ids = {m.id for m in client.models.list().data}
check("models.list lists the scenarios", {"mock-echo", "mock-tools", "mock-firehose"} <= ids, sorted(ids))

final = stream("mock-echo")
check("mock-echo: content echoes the prompt", "hello SDK" in (final.choices[0].message.content or ""))
check("mock-echo: usage trailer accumulated", final.usage is not None and final.usage.completion_tokens > 0, final.usage)
check("mock-echo: finish_reason stop", final.choices[0].finish_reason == "stop")

tools = [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object", "properties": {
    "city": {"type": "string"}, "days": {"type": "integer"}}}}}]
final = stream("mock-tools", tools=tools)
calls = final.choices[0].message.tool_calls or []
check("mock-tools: one call to the offered tool", len(calls) == 1 and calls[0].function.name == "lookup", calls)
check("mock-tools: arguments are JSON shaped by the schema",
      calls and json.loads(calls[0].function.arguments).get("days") == 3, calls and calls[0].function.arguments)

final = stream("mock-parallel-tools")
calls = final.choices[0].message.tool_calls or []
check("mock-parallel-tools: two calls, both valid JSON", len(calls) == 2 and all(json.loads(c.function.arguments) for c in calls))

final = stream("mock-n2")
check("mock-n2: two interleaved choices", len(final.choices) == 2 and all(c.message.content for c in final.choices))
final = stream("mock-n2", n=3)
check("mock-n2: honours n=3", len(final.choices) == 3)

final = stream("mock-refusal")
check("mock-refusal: refusal, no content", (final.choices[0].message.refusal or "").startswith("I'm sorry")
      and not final.choices[0].message.content)

chunks = list(client.chat.completions.create(model="mock-reasoning", stream=True,
                                             messages=[{"role": "user", "content": "think"}]))
reasoning = "".join(getattr(c.choices[0].delta, "reasoning_content", None) or "" for c in chunks if c.choices)
check("mock-reasoning: reasoning_content arrives (as an SDK extra field)", len(reasoning) > 20, reasoning[:40])

for model in ["mock-long", "mock-crlf", "mock-keepalive", "mock-no-done", "mock-escapes"]:
    final = stream(model)
    check(f"{model}: accumulates content", len(final.choices[0].message.content or "") > 50)

final = stream("mock-firehose", extra_body={"mock_chunks": 5000})
check("mock-firehose: 5000 words", len((final.choices[0].message.content or "").split()) == 5000)

completion = client.chat.completions.create(model="mock-echo", messages=[{"role": "user", "content": "plain"}])
check("stream false: one chat.completion", completion.object == "chat.completion" and "plain" in completion.choices[0].message.content)


def raises(name, model, exception, **extra):
    try:
        stream(model, **extra)
        check(name, False, "no exception")
    except exception as e:
        check(name, True)
    except Exception as e:  # noqa: BLE001
        check(name, False, f"{type(e).__name__}: {e}")


raises("mock-401: AuthenticationError", "mock-401", openai.AuthenticationError)
raises("mock-429: RateLimitError", "mock-429", openai.RateLimitError, extra_body={"mock_fail_times": 100})
raises("mock-500: InternalServerError", "mock-500", openai.InternalServerError)
raises("mock-html: APIStatusError 502", "mock-html", openai.APIStatusError)
raises("mock-midstream-error: APIError from the error payload", "mock-midstream-error", openai.APIError)
raises("mock-drop: connection error", "mock-drop", Exception)
raises("unknown model: NotFoundError", "gpt-nope", openai.NotFoundError)

print(f"\n{len(failures)} failure(s)" if failures else "\nall checks passed")
sys.exit(1 if failures else 0)
