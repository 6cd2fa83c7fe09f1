#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""docs/protocol.schema.json against docs/protocol.md: every example message of the document is
valid by the schema (as a client or a server message, as marked), and messages the document
refuses are not. Reads the examples as tests/support/ProtocolDocExamples.h does."""

import json
import re
import sys
from pathlib import Path

import jsonschema

root = Path(sys.argv[1])
schema = json.loads((root / "docs/protocol.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
doc = (root / "docs/protocol.md").read_text(encoding="utf-8").split("\n")


def examples():
    exchange = re.compile(r"^[AB] ([CS]): (\{.*)$")
    i = 0
    while i < len(doc):
        line = doc[i]
        if line in ("```json client", "```json server"):
            body = []
            start = i + 1
            i += 1
            while doc[i] != "```":
                body.append(doc[i])
                i += 1
            yield line.endswith("client"), start, "\n".join(body)
        else:
            match = exchange.match(line)
            if match:
                start = i + 1
                text = match.group(2)
                while i + 1 < len(doc) and doc[i + 1].startswith("      "):
                    i += 1
                    text += "\n" + doc[i]
                if "…" not in text:
                    yield match.group(1) == "C", start, text
        i += 1


def validator(name):
    sub = dict(schema)
    sub["$ref"] = "#/$defs/" + name
    sub.pop("oneOf")
    return jsonschema.Draft202012Validator(sub)


client = validator("clientMessage")
server = validator("serverMessage")
failures = []
found = 0
all_examples = [(c, line, json.loads(text)) for c, line, text in examples()]
# The codes the document answers client examples with, by request id.
answers = {m.get("id"): m["code"] for c, _, m in all_examples if not c and m["type"] == "error"}
for from_client, line, message in all_examples:
    found += 1
    errors = list((client if from_client else server).iter_errors(message))
    # A client example answered with "invalid" is wrong in itself: the schema refuses it too.
    if from_client and answers.get(message.get("id")) == "invalid":
        if not errors:
            failures.append(f"line {line}: the schema accepts a message the document refuses")
        continue
    if errors:
        failures.append(f"line {line}: {errors[0].message}")

# Messages the document refuses; the schema must refuse them too.
refused = {
    "delay above 300": {"type": "setRule", "id": "x", "device": "desk", "callKind": "external",
                        "delay": 301},
    "fractional delay": {"type": "setRule", "id": "x", "device": "desk", "callKind": "external",
                         "delay": 2.5},
    "no field to change": {"type": "setRule", "id": "x", "device": "desk", "callKind": "external"},
    "unknown call kind": {"type": "setRule", "id": "x", "device": "desk", "callKind": "\ufeffteams",
                          "delay": 1},
    "device id with U+FEFF": {"type": "setRule", "id": "x", "device": "\ufeffdesk",
                              "callKind": "teams", "delay": 1},
    "empty id": {"type": "setControlledDevice", "id": "", "device": None},
    "id of 65 characters": {"type": "setControlledDevice", "id": "x" * 65, "device": None},
    "hello without a token": {"type": "hello", "protocol": 1},
    "hello with protocol 1.5": {"type": "hello", "protocol": 1.5, "token": "t"},
    "unknown type": {"type": "deleteEverything", "id": "x"},
    "unknown error code": {"type": "error", "code": "teapot", "message": "m"},
    "ack with revision 0": {"type": "ack", "id": "x", "revision": 0},
    # Profiles and schedules (protocol.md §4.5).
    "until without an offset": {"type": "setActiveProfile", "id": "x", "profile": "home",
                                "until": "2030-01-01T10:00:00"},
    "until without a profile": {"type": "setActiveProfile", "id": "x", "profile": None,
                                "until": "2030-01-01T10:00:00Z"},
    "no profile to choose": {"type": "setActiveProfile", "id": "x"},
    "adding dnd": {"type": "addProfile", "id": "x", "profile": "dnd", "name": "Quiet"},
    "a blank profile name": {"type": "addProfile", "id": "x", "profile": "a", "name": " "},
    "dnd's rules": {"type": "setProfileRule", "id": "x", "profile": "dnd", "device": "desk",
                    "callKind": "external", "delay": 1},
    "no schedule member": {"type": "setSchedule", "id": "x"},
    "a range ending at 00:00": {"type": "setSchedule", "id": "x", "schedule": {
        "timeZone": "UTC",
        "week": [{"day": "mon", "from": "08:00", "to": "00:00", "profile": "standard"}]}},
    "a time of one digit": {"type": "setSchedule", "id": "x", "schedule": {
        "timeZone": "UTC",
        "week": [{"day": "mon", "from": "8:00", "to": "09:00", "profile": "standard"}]}},
}
for name, message in refused.items():
    if client.is_valid(message) or server.is_valid(message):
        failures.append(f"the schema accepts: {name}")

# The one known difference (protocol.md §2): maxLength counts code points, the protocol UTF-16
# code units. Should a validator ever count like the protocol, the doc's sentence is out of date.
if not client.is_valid({"type": "setControlledDevice", "id": "\U0001F600" * 33, "device": None}):
    failures.append("the schema now refuses 33 emoji as an id: update protocol.md §2")

# 5.0 is a whole number (protocol.md §2.3), as in JSON Schema.
if not client.is_valid({"type": "setRule", "id": "x", "device": "desk", "callKind": "external",
                        "delay": 5.0}):
    failures.append("the schema refuses a delay of 5.0")

if found < 20:
    failures.append(f"only {found} examples found in protocol.md")
for failure in failures:
    print("FAIL:", failure)
print(f"{found} examples, {len(refused)} refused messages checked")
sys.exit(1 if failures else 0)
