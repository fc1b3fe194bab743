#!/usr/bin/env python3
"""Generate JSON Schemas (draft 2020-12) for ECS API requests from botocore.

Why: ecslint validates task/service definitions against the shapes AWS itself
publishes. Rather than hand-maintaining those schemas, we derive them from the
AWS API model that ships with botocore, so updating is a version bump plus a
re-run. Outputs live in schemas/ecs/ and are committed; see schemas/README.md
for provenance and licensing.

Usage:
    pip install botocore==1.44.5
    python3 scripts/gen_schemas.py          # (re)write schemas/ecs/*.json
    python3 scripts/gen_schemas.py --check  # exit 1 if committed files are stale
"""

import argparse
import gzip
import json
import sys
from pathlib import Path

import botocore

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "schemas" / "ecs"
MODEL = Path("data") / "ecs" / "2014-11-13" / "service-2.json"
ROOTS = {
    "register-task-definition": "RegisterTaskDefinitionRequest",
    "create-service": "CreateServiceRequest",
    "update-service": "UpdateServiceRequest",
}

# Shape/member keys that carry no validation meaning for us.
IGNORED = {"documentation", "box", "sensitive", "idempotencyToken",
           "deprecatedMessage", "deprecatedSince", "exception", "fault", "error"}
# Everything else we understand, per shape type; anything unknown is an error so
# that a new constraint in a future model is never silently dropped.
KNOWN = {
    "structure": {"type", "members", "required", "union", "document", "deprecated"},
    "list": {"type", "member", "min", "max", "deprecated"},
    "map": {"type", "key", "value", "deprecated"},
    "string": {"type", "enum", "min", "max", "pattern", "deprecated"},
    "integer": {"type", "min", "max", "deprecated"},
    "long": {"type", "min", "max", "deprecated"},
    "double": {"type", "min", "max", "deprecated"},
    "float": {"type", "min", "max", "deprecated"},
    "boolean": {"type", "deprecated"},
    "timestamp": {"type", "deprecated"},
    "blob": {"type", "deprecated"},
}


def load_model():
    base = Path(botocore.__file__).parent / MODEL
    if base.exists():
        text = base.read_text(encoding="utf-8")
    else:
        with gzip.open(base.with_suffix(".json.gz"), "rt", encoding="utf-8") as f:
            text = f.read()
    model = json.loads(text)
    assert model["metadata"]["protocol"] == "json", model["metadata"]
    return model


def ref(name):
    return {"$ref": f"#/$defs/{name}"}


def bounds(shape, lo, hi):
    out = {}
    if "min" in shape:
        out[lo] = shape["min"]
    if "max" in shape:
        out[hi] = shape["max"]
    return out


def convert(name, shape, shapes):
    """Return (schema, referenced shape names) for one botocore shape."""
    kind = shape["type"]
    unknown = set(shape) - KNOWN.get(kind, set()) - IGNORED
    assert not unknown, f"{name}: unhandled keys {sorted(unknown)}"
    deps = []
    if kind == "structure" and shape.get("document"):
        schema = {}
    elif kind == "structure":
        props = {}
        for member, spec in shape["members"].items():
            # JSON protocol: the member name is the wire key. Guard that.
            extra = set(spec) - {"shape", "deprecated"} - IGNORED
            assert not extra, f"{name}.{member}: unhandled keys {sorted(extra)}"
            props[member] = ref(spec["shape"])
            if spec.get("deprecated"):
                props[member]["deprecated"] = True
            deps.append(spec["shape"])
        schema = {"type": "object", "properties": props}
        if shape.get("required"):
            assert set(shape["required"]) <= set(props), name
            schema["required"] = list(shape["required"])
        schema["additionalProperties"] = False
        if shape.get("union"):
            schema.update(minProperties=1, maxProperties=1)
    elif kind == "list":
        deps.append(shape["member"]["shape"])
        schema = {"type": "array", "items": ref(deps[0])}
        schema.update(bounds(shape, "minItems", "maxItems"))
    elif kind == "map":
        key, value = shape["key"]["shape"], shape["value"]["shape"]
        assert shapes[key]["type"] == "string", f"{name}: non-string map key"
        schema = {"type": "object"}
        if set(shapes[key]) & {"enum", "min", "max", "pattern"}:
            schema["propertyNames"] = ref(key)
            deps.append(key)
        schema["additionalProperties"] = ref(value)
        deps.append(value)
    elif kind == "string":
        schema = {"type": "string"}
        if "enum" in shape:
            schema["enum"] = list(shape["enum"])
        schema.update(bounds(shape, "minLength", "maxLength"))
        if "pattern" in shape:
            schema["pattern"] = f"^(?:{shape['pattern']})$"
    elif kind in ("integer", "long"):
        schema = {"type": "integer", **bounds(shape, "minimum", "maximum")}
    elif kind in ("double", "float"):
        schema = {"type": "number", **bounds(shape, "minimum", "maximum")}
    elif kind == "boolean":
        schema = {"type": "boolean"}
    elif kind == "timestamp":
        schema = {"type": ["number", "string"]}
    elif kind == "blob":
        schema = {"type": "string", "contentEncoding": "base64"}
    else:
        raise AssertionError(f"{name}: unknown shape type {kind!r}")
    if shape.get("deprecated"):
        schema["deprecated"] = True
    return schema, deps


def build(slug, root, model):
    shapes = model["shapes"]
    version = botocore.__version__
    top, todo = convert(root, shapes[root], shapes)
    assert top.get("type") == "object", root
    defs = {}
    while todo:
        name = todo.pop()
        if name in defs:
            continue
        assert name != root, f"{root} is recursive; cannot inline it"
        defs[name], deps = convert(name, shapes[name], shapes)
        todo.extend(deps)
    return {
        "$comment": f"Generated by scripts/gen_schemas.py from botocore {version}"
                    " (Apache-2.0); do not edit",
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://ecslint.dev/schemas/ecs/{slug}.json",
        "title": root,
        "x-botocore-version": version,
        **top,
        "$defs": dict(sorted(defs.items())),
    }


def render(schema):
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if committed schemas are stale")
    args = parser.parse_args()
    model = load_model()
    stale = []
    for slug, root in ROOTS.items():
        path = OUT_DIR / f"{slug}.json"
        text = render(build(slug, root, model))
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.relative_to(REPO))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)} ({len(text.encode())} bytes)")
    if stale:
        for p in stale:
            print(f"stale: {p}", file=sys.stderr)
        print(f"regenerate with botocore {botocore.__version__}: "
              "python3 scripts/gen_schemas.py (see schemas/README.md)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
