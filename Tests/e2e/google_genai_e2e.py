"""End-to-end check: Google's own Python SDK (google-genai) against a running `switchyard serve`.

Run by Tests/e2e/run.sh, which starts the gateway on the default configuration (embedded Google emulator) and sets
SWITCHYARD_URL and SWITCHYARD_KEY. The SDK is used unchanged: only its base URL points at the gateway.
"""

import os
import sys

from google import genai
from google.genai import errors, types

BASE_URL = os.environ["SWITCHYARD_URL"]
KEY = os.environ.get("SWITCHYARD_KEY", "e2e-client-key")

client = genai.Client(api_key=KEY, http_options={"base_url": BASE_URL, "api_version": "v1beta"})
checks = []


def check(name, condition, detail=""):
    checks.append(name)
    if not condition:
        print(f"FAIL {name}: {detail}", file=sys.stderr)
        sys.exit(1)
    print(f"ok   {name}")


# generate_content through the `chat` route
reply = client.models.generate_content(model="chat", contents="Hello from the SDK")
check("generate: text", (reply.text or "").startswith("Echo: Hello from the SDK"), repr(reply.text))
check("generate: usage", reply.usage_metadata is not None and (reply.usage_metadata.total_token_count or 0) > 0)
check("generate: finish reason", reply.candidates[0].finish_reason == types.FinishReason.STOP, reply.candidates[0].finish_reason)

# system instruction and generation config pass through
configured = client.models.generate_content(
    model="chat",
    contents="Configured call",
    config=types.GenerateContentConfig(system_instruction="Be brief.", temperature=0.1, max_output_tokens=256),
)
check("generate with config", (configured.text or "").startswith("Echo: Configured call"), repr(configured.text))

# streaming: several chunks whose text adds up to the unary answer
chunks = list(client.models.generate_content_stream(model="chat", contents="Stream this answer please"))
streamed = "".join(chunk.text or "" for chunk in chunks)
unary = client.models.generate_content(model="chat", contents="Stream this answer please").text
check("stream: several chunks", len(chunks) >= 2, len(chunks))
check("stream: same text as unary", streamed == unary, f"{streamed!r} != {unary!r}")
check("stream: last chunk finishes", chunks[-1].candidates[0].finish_reason == types.FinishReason.STOP)

# image output through the `image` route (Gemini native image generation)
image_reply = client.models.generate_content(
    model="image",
    contents="Draw a lighthouse at dusk",
    config=types.GenerateContentConfig(response_modalities=["TEXT", "IMAGE"]),
)
parts = image_reply.candidates[0].content.parts
images = [part.inline_data for part in parts if part.inline_data is not None]
check("image: at least one image part", len(images) >= 1, [type(p) for p in parts])
check("image: PNG bytes", images[0].data[:8] == b"\x89PNG\r\n\x1a\n", images[0].data[:8])
check("image: mime type", images[0].mime_type == "image/png", images[0].mime_type)

# count tokens and model listing
count = client.models.count_tokens(model="chat", contents="How many tokens is this?")
check("count_tokens", (count.total_tokens or 0) > 0, count)
names = [model.name for model in client.models.list()]
check("models.list has the routes", "models/chat" in names and "models/image" in names, names)
check("models.get", client.models.get(model="chat").name == "models/chat")

# an unknown model is a ClientError 404 with Google's status
try:
    client.models.generate_content(model="no-such-model", contents="x")
    check("unknown model raises", False, "no error")
except errors.ClientError as error:
    check("unknown model: 404 NOT_FOUND", error.code == 404 and error.status == "NOT_FOUND", f"{error.code} {error.status}")

# Vertex AI mode: the same SDK with vertexai=True sends project/location paths and a Bearer token
from google.oauth2.credentials import Credentials  # noqa: E402  (google-auth comes with google-genai)

vertex = genai.Client(
    vertexai=True,
    project="any-project",
    location="us-central1",
    credentials=Credentials(token=KEY),
    http_options={"base_url": BASE_URL, "api_version": "v1beta1"},
)
vertex_reply = vertex.models.generate_content(model="chat", contents="Hello from Vertex mode")
check("vertex mode: generate", (vertex_reply.text or "").startswith("Echo: Hello from Vertex mode"), repr(vertex_reply.text))
vertex_chunks = list(vertex.models.generate_content_stream(model="chat", contents="Vertex stream"))
check("vertex mode: stream", len(vertex_chunks) >= 2 and "".join(c.text or "" for c in vertex_chunks).startswith("Echo: Vertex stream"))

print(f"google-genai {genai.__version__}: {len(checks)} checks passed")
