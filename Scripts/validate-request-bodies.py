#!/usr/bin/env python3
"""Validates Chat Completions request bodies that ChunkScope sent against the official
openai-python types, strictly.

Usage: validate-request-bodies.py FILE...   (each FILE holds one JSON body, or JSON lines of bodies)

Checks, per body:
- the whole body against `CompletionCreateParamsStreaming` (pydantic, strict);
- every message against the SDK's message param for its role (strict), with no keys the SDK type
  does not define, and the same for tool calls and their `function` object;
- the history rules the API enforces: an assistant message with `tool_calls` is followed by one
  `tool` message per call id, a `tool` message answers such a call, and no two user messages in
  a row (the symptom of a failed turn re-sent).

Prints "ok N bodies" or one line per problem and exits 1. Run with the venv that has `openai`
(Scripts/.venv-tools, set up by Scripts/ensure-deps.sh's ensure_python_venv).
"""
import json
import sys
import typing

import pydantic
from openai.types.chat import (
    ChatCompletionAssistantMessageParam,
    ChatCompletionDeveloperMessageParam,
    ChatCompletionMessageToolCallParam,
    ChatCompletionSystemMessageParam,
    ChatCompletionToolMessageParam,
    ChatCompletionUserMessageParam,
    completion_create_params,
)

MESSAGE_TYPES = {
    "system": ChatCompletionSystemMessageParam,
    "developer": ChatCompletionDeveloperMessageParam,
    "user": ChatCompletionUserMessageParam,
    "assistant": ChatCompletionAssistantMessageParam,
    "tool": ChatCompletionToolMessageParam,
}
BODY = pydantic.TypeAdapter(completion_create_params.CompletionCreateParamsStreaming)
ADAPTERS = {role: pydantic.TypeAdapter(kind) for role, kind in MESSAGE_TYPES.items()}
TOOL_CALL = pydantic.TypeAdapter(ChatCompletionMessageToolCallParam)


def keys_of(kind):
    return set(typing.get_type_hints(kind).keys())


def extra_keys(value, kind, where):
    if not isinstance(value, dict):
        return [f"{where}: expected an object, got {type(value).__name__}"]
    extra = sorted(set(value) - keys_of(kind))
    return [f"{where}: keys the SDK type {kind.__name__} does not define: {extra}"] if extra else []


def problems_in(body):
    problems = []
    if not isinstance(body, dict):
        return ["the body is not a JSON object"]
    try:
        BODY.validate_python(body, strict=True)
    except pydantic.ValidationError as error:
        problems.append("body: " + " / ".join(e["msg"] + " at " + ".".join(map(str, e["loc"])) for e in error.errors()))
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return problems + ["messages: expected a non-empty array"]
    open_calls = None
    previous_role = None
    for index, message in enumerate(messages):
        where = f"messages[{index}]"
        role = message.get("role") if isinstance(message, dict) else None
        if role not in MESSAGE_TYPES:
            problems.append(f"{where}: unknown role {role!r}")
            continue
        try:
            ADAPTERS[role].validate_python(message, strict=True)
        except pydantic.ValidationError as error:
            problems.append(f"{where} ({role}): " + " / ".join(e["msg"] + " at " + ".".join(map(str, e["loc"])) for e in error.errors()))
        problems += extra_keys(message, MESSAGE_TYPES[role], where)
        for n, call in enumerate(message.get("tool_calls") or []):
            call_where = f"{where}.tool_calls[{n}]"
            try:
                TOOL_CALL.validate_python(call, strict=True)
            except pydantic.ValidationError as error:
                problems.append(f"{call_where}: " + " / ".join(e["msg"] for e in error.errors()))
            problems += extra_keys(call, ChatCompletionMessageToolCallParam, call_where)
            if isinstance(call, dict) and isinstance(call.get("function"), dict):
                extra = sorted(set(call["function"]) - {"name", "arguments"})
                if extra:
                    problems.append(f"{call_where}.function: unexpected keys {extra}")
        if role == "tool":
            if not open_calls or message.get("tool_call_id") not in open_calls:
                problems.append(f"{where}: a tool message that answers no open tool call ({message.get('tool_call_id')!r})")
            else:
                open_calls.discard(message.get("tool_call_id"))
        else:
            if open_calls:
                problems.append(f"{where}: tool calls {sorted(open_calls)} have no tool message before this {role} message")
            open_calls = None
            if role == "assistant" and message.get("tool_calls"):
                open_calls = {call.get("id") for call in message["tool_calls"] if isinstance(call, dict)}
            if role == "user" and previous_role == "user":
                problems.append(f"{where}: two user messages in a row (a failed turn re-sent?)")
        previous_role = role
    if open_calls:
        problems.append(f"messages: tool calls {sorted(open_calls)} are never answered")
    return problems


def bodies_in(path):
    text = open(path, encoding="utf-8").read()
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    count = 0
    failures = []
    for path in paths:
        for number, body in enumerate(bodies_in(path), 1):
            count += 1
            failures += [f"{path} body {number}: {problem}" for problem in problems_in(body)]
    for failure in failures:
        print(failure)
    if failures:
        return 1
    print(f"ok {count} bodies")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
