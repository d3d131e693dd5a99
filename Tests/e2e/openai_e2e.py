"""End-to-end check: the OpenAI Python SDK against a running `switchyard serve` (OpenAI-compatible surface).

Run by Tests/e2e/run.sh with SWITCHYARD_URL and SWITCHYARD_KEY set.
"""

import base64
import json
import os
import sys

import openai
from openai import OpenAI

client = OpenAI(base_url=os.environ["SWITCHYARD_URL"] + "/v1", api_key=os.environ.get("SWITCHYARD_KEY", "e2e-client-key"))
checks = []


def check(name, condition, detail=""):
    checks.append(name)
    if not condition:
        print(f"FAIL {name}: {detail}", file=sys.stderr)
        sys.exit(1)
    print(f"ok   {name}")


completion = client.chat.completions.create(
    model="chat",
    messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello from OpenAI"}],
)
check("chat: text", completion.choices[0].message.content.startswith("Echo: Hello from OpenAI"), completion.choices[0].message.content)
check("chat: finish reason", completion.choices[0].finish_reason == "stop", completion.choices[0].finish_reason)
check("chat: usage", completion.usage.total_tokens > 0)

stream = client.chat.completions.create(
    model="chat",
    messages=[{"role": "user", "content": "Stream from OpenAI"}],
    stream=True,
    stream_options={"include_usage": True},
)
pieces, usage = [], None
for chunk in stream:
    if chunk.usage:
        usage = chunk.usage
    for choice in chunk.choices:
        pieces.append(choice.delta.content or "")
check("chat stream: text", "".join(pieces).startswith("Echo: Stream from OpenAI"), "".join(pieces))
check("chat stream: usage chunk", usage is not None and usage.total_tokens > 0)

tools = [{"type": "function", "function": {"name": "get_weather", "description": "Weather for a city",
          "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}}]
called = client.chat.completions.create(
    model="chat", messages=[{"role": "user", "content": "Weather in Paris?"}], tools=tools, tool_choice="required"
)
call = called.choices[0].message.tool_calls[0]
check("tools: tool call", call.function.name == "get_weather" and "city" in json.loads(call.function.arguments), call)
answered = client.chat.completions.create(
    model="chat",
    tools=tools,
    messages=[
        {"role": "user", "content": "Weather in Paris?"},
        {"role": "assistant", "content": None, "tool_calls": [call.model_dump()]},
        {"role": "tool", "tool_call_id": call.id, "content": json.dumps({"temp_c": 21})},
    ],
)
check("tools: result turn answered", bool(answered.choices[0].message.content), answered.choices[0].message)

structured = client.chat.completions.create(
    model="chat",
    messages=[{"role": "user", "content": "Describe a cat"}],
    response_format={"type": "json_schema", "json_schema": {"name": "cat", "schema": {
        "type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}}},
)
check("json_schema: parses", isinstance(json.loads(structured.choices[0].message.content).get("name"), str))

drawn = client.chat.completions.create(
    model="image", modalities=["text", "image"], messages=[{"role": "user", "content": "Draw a lighthouse"}]
)
images = (drawn.choices[0].message.model_extra or {}).get("images") or []
url = images[0]["image_url"]["url"] if images else ""
check("image output: data URL", url.startswith("data:image/png;base64,"), images[:1])
check("image output: PNG", base64.b64decode(url.split(",", 1)[1])[:4] == b"\x89PNG")

generated = client.images.generate(model="imagen", prompt="a red bicycle", n=1, size="1024x1024", response_format="b64_json")
check("images.generate: PNG", base64.b64decode(generated.data[0].b64_json)[:4] == b"\x89PNG")

check("models.list", "chat" in [model.id for model in client.models.list()])

try:
    client.chat.completions.create(model="no-such-model", messages=[{"role": "user", "content": "x"}])
    check("unknown model raises", False, "no error")
except openai.NotFoundError as error:
    check("unknown model: NotFoundError", error.status_code == 404)

print(f"openai {openai.__version__}: {len(checks)} checks passed")
