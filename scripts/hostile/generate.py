#!/usr/bin/env python3
"""Writes the hostile-input suite: requests a careless or malicious client could send to the service.

    scripts/hostile/generate.py OUTDIR

Each case is a body file OUTDIR/NNN-name.body plus a line in OUTDIR/cases.tsv:
    id  name  method  path  content-type  accept  extra-curl-args  expect
`expect` is the class of answer the case must get: 2xx, 4xx, or any (never a 5xx, whatever it is). The runner
(scripts/hostile-suite.sh) posts each one, checks the status, the time and the service's health after it.
Standard library only; the same call writes the same bytes.
"""
import gzip
import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "target/hostile"
os.makedirs(OUT, exist_ok=True)
CASES = []
EVAL = "/api/v1/evaluations?mode=async"
SYNC = "/api/v1/evaluations?mode=sync"
COMPARE = "/api/v1/comparisons"
LOG = "/api/v1/evaluations/kernel-log?mode=async"
DMESG = "/api/v1/imports/dmesg"
MODULES = "/api/v1/imports/modules"
JSON_T = "application/json"
TEXT_T = "text/plain"


def case(name, body, path=EVAL, ctype=JSON_T, accept="application/json", method="POST", extra="", expect="any"):
    i = len(CASES) + 1
    fname = "%03d-%s.body" % (i, name)
    data = body if isinstance(body, bytes) else body.encode("utf-8") if isinstance(body, str) else json.dumps(body).encode()
    with open(os.path.join(OUT, fname), "wb") as f:
        f.write(data)
    CASES.append("\t".join([str(i), name, method, path, ctype, accept, extra or "-", expect, fname]))  # no empty field: read would merge tabs


def plan(devices, drivers=None, modules=None, initcalls=None, cmdline="", version="6.12", **extra):
    drivers = drivers if drivers is not None else [{"name": d["driver"]} for d in devices if "driver" in d]
    seen, uniq = set(), []
    for d in drivers:
        if d["name"] not in seen:
            seen.add(d["name"])
            uniq.append(d)
    m = {"kernel": {"version": version, "cmdline": cmdline}, "drivers": uniq, "devices": devices}
    if modules is not None:
        m["modules"] = modules
    if initcalls is not None:
        m["initcalls"] = initcalls
    m.update(extra)
    return m


def builtin(n, probe="1ms", name="dev{n}", driver="d", **dev):
    return plan([dict({"name": name, "driver": driver, "probeTime": probe, "count": n}, **dev)],
                initcalls=[{"name": driver + "_init", "level": "device", "drivers": [driver]}])


MINIMAL = builtin(1)

# ---- transport -------------------------------------------------------------------------------------------
case("empty-body", b"", expect="4xx")
case("not-json", "hello", expect="4xx")
case("truncated-json", '{"kernel": {"version": "6.12"', expect="4xx")
case("json-array", "[1,2,3]", expect="4xx")
case("json-null", "null", expect="4xx")
case("json-string", '"manifest"', expect="4xx")
case("deep-nesting", "[" * 100000 + "]" * 100000, expect="4xx")
case("deep-object-nesting", '{"a":' * 5000 + "1" + "}" * 5000, expect="4xx")
case("nul-bytes", b"\x00" * 4096, expect="4xx")
case("invalid-utf8", b'{"kernel":{"version":"\xff\xfe"}}', expect="4xx")
case("utf8-bom", "\ufeff" + json.dumps(MINIMAL), expect="any")
case("wrong-content-type", json.dumps(MINIMAL), ctype="text/csv", expect="4xx")
case("xml-body", "<manifest/>", ctype="application/xml", expect="4xx")
case("accepts-nothing-we-make", json.dumps(MINIMAL), accept="image/png", expect="4xx")
case("gzip-body-without-header", gzip.compress(json.dumps(MINIMAL).encode(), mtime=0), expect="4xx")
case("body-over-limit", " " * (9 * 1024 * 1024) + json.dumps(MINIMAL), expect="4xx")
case("chunked-body-over-limit", " " * (9 * 1024 * 1024) + json.dumps(MINIMAL), extra="-H Transfer-Encoding:chunked",
     expect="4xx")
case("get-on-post-endpoint", b"", method="GET", expect="4xx")
case("unknown-path", json.dumps(MINIMAL), path="/api/v1/nothing-here", expect="4xx")
case("unknown-field", json.dumps(dict(MINIMAL, surprise=1)), expect="4xx")
case("duplicate-keys", '{"kernel":{"version":"6.12"},"kernel":{"version":"4.4"}}', expect="any")
case("long-string-value", json.dumps(dict(MINIMAL, name="x" * 6_000_000)), expect="4xx")
case("mode-twice", json.dumps(MINIMAL), path=EVAL + "&mode=sync", expect="4xx")
case("mode-unknown", json.dumps(MINIMAL), path="/api/v1/evaluations?mode=turbo", expect="4xx")
case("override-not-bool", json.dumps(MINIMAL), path=EVAL + "&overrideForceSync=maybe", expect="4xx")

# ---- numbers ---------------------------------------------------------------------------------------------
case("count-max-int", json.dumps(builtin(2147483647)), expect="4xx")
case("count-negative", json.dumps(builtin(-5)), expect="4xx")
case("count-zero", json.dumps(builtin(0)), expect="4xx")
case("count-float", json.dumps(builtin(1.5)), expect="4xx")
case("count-huge-number", '{"kernel":{"version":"6.12"},"drivers":[{"name":"d"}],"devices":[{"name":"x","driver":"d","count":'
     + "9" * 400 + "}]}", expect="4xx")
for t in ["1e308s", "-1s", "999999999999h", "NaNs", "1.7976931348623157e308ms", "0.0000001us", "5", "5 parsecs", "",
          "1s1s", "+1s", "1_000ms", "∞s"]:
    case("probe-time-" + str(len(CASES)), json.dumps(builtin(1, probe=t)), expect="any")
case("cpu-percent-101", json.dumps(builtin(1, cpuPercent=101)), expect="4xx")
case("cpu-percent-negative", json.dumps(builtin(1, cpuPercent=-1)), expect="4xx")
case("cpus-zero", json.dumps(dict(MINIMAL, machine={"cpus": 0})), expect="4xx")
case("cpus-huge", json.dumps(dict(MINIMAL, machine={"cpus": 2147483647})), expect="4xx")
case("memory-absurd", json.dumps(dict(MINIMAL, machine={"memory": "999999999TiB"})), expect="4xx")
case("version-nonsense", json.dumps(plan([], version="six point one")), expect="4xx")
case("version-huge", json.dumps(plan([], version="99999999999.1")), expect="any")
case("systemd-version-negative", json.dumps(dict(MINIMAL, systemd={"version": -1})), expect="4xx")
case("event-timeout-zero", json.dumps(dict(MINIMAL, systemd={"eventTimeout": "0s"})), expect="4xx")
case("children-max-huge", json.dumps(dict(MINIMAL, systemd={"childrenMax": 2147483647})), expect="4xx")
case("fallback-forever", json.dumps(dict(MINIMAL, firmware={"fallbackForced": True, "fallbackTimeout": "0"})), expect="4xx")

# ---- names -----------------------------------------------------------------------------------------------
case("name-script", json.dumps(builtin(3, name="<script>alert(1)</script>{n}")), accept="text/html", expect="2xx")
case("name-svg-breakout", json.dumps(builtin(3, name='"><svg onload=alert(1)>{n}')), accept="image/svg+xml", expect="2xx")
case("name-control-chars", json.dumps(builtin(2, name="\u0001\u0007\u001b[31m{n}")), accept="image/svg+xml", expect="any")
case("name-rtl-and-emoji", json.dumps(builtin(2, name="\u202edev🙂{n}")), accept="text/html", expect="2xx")
case("name-100k-chars", json.dumps(builtin(1, name="n" * 100_000)), expect="any")
case("name-empty", json.dumps(builtin(1, name="")), expect="4xx")
case("duplicate-device-names", json.dumps(plan([{"name": "a", "driver": "d"}, {"name": "a", "driver": "d"}],
                                               initcalls=[{"name": "i", "level": "device", "drivers": ["d"]}])), expect="4xx")
case("unknown-driver", json.dumps(plan([{"name": "a", "driver": "ghost"}], drivers=[])), expect="4xx")
case("many-unknown-references", json.dumps(plan([{"name": "a%d" % i, "driver": "ghost%d" % i} for i in range(20000)],
                                                drivers=[])), expect="4xx")
case("module-dash-underscore-duplicates", json.dumps(plan([], modules=[{"name": "a-b"}, {"name": "a_b"}])), expect="4xx")

# ---- graphs ----------------------------------------------------------------------------------------------
case("parent-self-loop", json.dumps(builtin(1, name="a", parent="a")), expect="4xx")
case("parent-two-cycle", json.dumps(plan([{"name": "a", "driver": "d", "parent": "b"}, {"name": "b", "driver": "d", "parent": "a"}],
                                         initcalls=[{"name": "i", "level": "device", "drivers": ["d"]}])), expect="4xx")
case("supplier-self", json.dumps(builtin(1, name="a", suppliers=["a"])), expect="2xx")
case("supplier-ring-1000", json.dumps(plan([{"name": "s%d" % i, "driver": "d", "probeTime": "1ms", "suppliers": ["s%d" % ((i + 1) % 1000)]}
                                            for i in range(1000)],
                                           initcalls=[{"name": "i", "level": "device", "drivers": ["d"]}])), expect="2xx")
case("module-cycle", json.dumps(plan([], modules=[{"name": "a", "dependsOn": ["b"]}, {"name": "b", "dependsOn": ["a"]}])),
     expect="4xx")
case("module-chain-9999-deep", json.dumps(plan(
    [{"name": "dev", "driver": "top", "probeTime": "1ms"}], drivers=[{"name": "top"}],
    modules=[{"name": "m%d" % i, "dependsOn": (["m%d" % (i - 1)] if i else [])} for i in range(9999)]
    + [{"name": "topmod", "dependsOn": ["m9998"], "drivers": ["top"]}])), expect="any")
case("parent-chain-20000-deep", json.dumps(plan(
    [{"name": "p%d" % i, "driver": "d", "probeTime": "1us", **({"parent": "p%d" % (i - 1)} if i else {})} for i in range(20000)],
    initcalls=[{"name": "i", "level": "device", "drivers": ["d"]}])), expect="any")
case("supplier-chain-5000", json.dumps(plan(
    [{"name": "c%d" % i, "driver": "d", "probeTime": "1us", **({"suppliers": ["c%d" % (i + 1)]} if i < 4999 else {})}
     for i in range(5000)], initcalls=[{"name": "i", "level": "device", "drivers": ["d"]}])), expect="any")
case("consumers-of-last-module-supplier-5000", json.dumps(plan(
    [{"name": "s{n}", "driver": "sup", "probeTime": "1us", "count": 5000},
     {"name": "c{n}", "driver": "con", "probeTime": "1us", "count": 5000, "suppliers": ["s4999"]}],
    drivers=[{"name": "sup"}, {"name": "con"}], modules=[{"name": "supmod", "drivers": ["sup"]}],
    initcalls=[{"name": "con_init", "level": "device", "drivers": ["con"]}])), expect="any")
case("consumers-fw-devlink-off-deferral-cost", json.dumps(plan(
    [{"name": "s{n}", "driver": "sup", "probeTime": "1us", "count": 3000},
     {"name": "c{n}", "driver": "con", "probeTime": "1us", "count": 3000, "suppliers": ["s2999"], "deferCost": "1us"}],
    drivers=[{"name": "sup"}, {"name": "con"}], modules=[{"name": "supmod", "drivers": ["sup"]}],
    initcalls=[{"name": "con_init", "level": "device", "drivers": ["con"]}], cmdline="fw_devlink=off")), expect="any")
case("star-of-suppliers", json.dumps(plan(
    [{"name": "hub", "driver": "d", "probeTime": "1ms", "suppliers": ["leaf%d" % i for i in range(3000)]}]
    + [{"name": "leaf%d" % i, "driver": "d", "probeTime": "1us"} for i in range(3000)],
    initcalls=[{"name": "i", "level": "device", "drivers": ["d"]}])), expect="any")
case("work-discovering-20000-children", json.dumps(plan(
    [{"name": "hba", "driver": "h", "probeTime": "1ms", "asyncWork": "1s"},
     {"name": "disk{n}", "driver": "sd", "probeTime": "1ms", "count": 20000, "parent": "hba", "discoveredAfter": "500ms"}],
    drivers=[{"name": "h"}, {"name": "sd", "probeType": "prefer-async"}],
    initcalls=[{"name": "h_init", "level": "device", "drivers": ["h", "sd"]}])), expect="2xx")
case("discovered-after-past-work", json.dumps(plan(
    [{"name": "hba", "driver": "h", "probeTime": "1ms", "asyncWork": "1ms"},
     {"name": "disk", "driver": "h", "probeTime": "1ms", "parent": "hba", "discoveredAfter": "5s"}],
    initcalls=[{"name": "h_init", "level": "device", "drivers": ["h"]}])), expect="4xx")

# ---- command lines ---------------------------------------------------------------------------------------
for cl in ["x" * 5000, "driver_async_probe=" + ",".join("drv%d" % i for i in range(3000)),
           "udev.event_timeout=0", "udev.event_timeout=-1", "udev.event_timeout=99999999999999",
           "udev.children_max=0", "rootwait=abc", "rootdelay=99999999", "rootdelay=-1", "fw_devlink=foo",
           "module.async_probe=maybe", "deferred_probe_timeout=99999999999", "\"unterminated quote",
           "dyndbg=\"file dd.c +p\" " * 200, " ".join(["quiet"] * 1000), "=\u0000=\u0000", "driver_async_probe=*,*,*"]:
    case("cmdline-" + str(len(CASES)), json.dumps(dict(builtin(5), kernel={"version": "6.12", "cmdline": cl})), expect="any")
for v in ["3.16", "4.1", "5.0", "6.0", "6.9"]:
    case("async-knobs-on-" + v, json.dumps(dict(builtin(5), kernel={"version": v, "cmdline":
         "driver_async_probe=* module.async_probe=1 d.async_probe=0"})), expect="2xx")

# ---- work ------------------------------------------------------------------------------------------------
case("flat-200000-devices", json.dumps(builtin(200000, probe="1ms")), expect="any")
case("over-device-limit", json.dumps(builtin(200001)), expect="4xx")
case("storage-100000-disks", json.dumps(plan(
    [{"name": "0000:03:00.0", "driver": "mpt3sas", "probeTime": "9s", "asyncWork": "4s"},
     {"name": "0:0:{n}:0", "driver": "sd", "probeTime": "1.6s", "count": 100000, "parent": "0000:03:00.0"}],
    drivers=[{"name": "mpt3sas"}, {"name": "sd", "probeType": "prefer-async"}],
    modules=[{"name": "mpt3sas", "drivers": ["mpt3sas"], "size": "520KiB"}, {"name": "sd_mod", "drivers": ["sd"]}])),
    path=SYNC, expect="any")
case("storage-comparison-20000", json.dumps(plan(
    [{"name": "0000:03:00.0", "driver": "mpt3sas", "probeTime": "9s", "asyncWork": "4s"},
     {"name": "0:0:{n}:0", "driver": "sd", "probeTime": "1.6s", "count": 20000, "parent": "0000:03:00.0"}],
    drivers=[{"name": "mpt3sas"}, {"name": "sd", "probeType": "prefer-async"}],
    modules=[{"name": "mpt3sas", "drivers": ["mpt3sas"]}, {"name": "sd_mod", "drivers": ["sd"]}])), path=COMPARE, expect="any")
case("10000-modules-one-device-each", json.dumps(plan(
    [{"name": "dev%d" % i, "driver": "drv%d" % i, "probeTime": "1ms"} for i in range(10000)],
    modules=[{"name": "mod%d" % i, "drivers": ["drv%d" % i], "loadTime": "1ms"} for i in range(10000)])), expect="any")
case("one-udev-worker-50000-events", json.dumps(dict(plan(
    [{"name": "dev{n}", "driver": "drv", "probeTime": "1ms", "count": 50000}],
    modules=[{"name": "mod", "drivers": ["drv"]}]), systemd={"childrenMax": 1})), expect="any")
case("tiny-timeout-many-kills", json.dumps(dict(plan(
    [{"name": "dev%d" % i, "driver": "drv%d" % i, "probeTime": "10s"} for i in range(2000)],
    modules=[{"name": "mod%d" % i, "drivers": ["drv%d" % i]} for i in range(2000)]), systemd={"eventTimeout": "1s"})),
    expect="any")
case("busy-cpu-100000", json.dumps(builtin(100000, probe="1ms", driver="busy", cpuPercent=100)), expect="any")
case("unknown-shares-100000", json.dumps(builtin(100000, probe="1ms", driver="u")), expect="any")
case("kernel-log-200000", json.dumps(builtin(200000)), path=LOG, accept="text/plain", expect="any")
case("userspace-loads-10000", json.dumps(plan(
    [], modules=[{"name": "m%d" % i, "loadTime": "1ms"} for i in range(10000)],
    userspace={"udev": False, "moduleLoads": [{"by": "modprobe@", "modules": [{"name": "m%d" % i} for i in range(10000)]}]})),
    expect="any")
case("userspace-loads-unknown-module", json.dumps(plan([], modules=[], userspace={"moduleLoads": [
    {"by": "nobody", "phase": "never", "modules": [{"name": "ghost"}]}]})), expect="4xx")

# ---- renderers -------------------------------------------------------------------------------------------
case("svg-200000-spans", json.dumps(builtin(200000)), accept="image/svg+xml", expect="any")
case("html-200000-spans", json.dumps(builtin(200000)), accept="text/html", expect="any")
case("comparison-svg-50000", json.dumps(builtin(50000)), path=COMPARE, accept="image/svg+xml", expect="any")
case("svg-10000-lanes", json.dumps(builtin(10000, probe="10s", driver="pa")), accept="image/svg+xml", expect="any")

# ---- advice ----------------------------------------------------------------------------------------------
ADVICE = "/api/v1/advice"
case("advice-goal-unknown", json.dumps(MINIMAL), path=ADVICE + "?goal=fastest", expect="4xx")
case("advice-headroom-negative", json.dumps(MINIMAL), path=ADVICE + "?headroom=-50", expect="4xx")
case("advice-evaluations-huge", json.dumps(MINIMAL), path=ADVICE + "?maxEvaluations=99999999999", expect="4xx")
case("advice-hostile-names-html", json.dumps(plan([{"name": "<script>alert(1)</script>", "driver": "m\"><svg onload=x>",
                                                    "probeTime": "1s", "count": 3}],
                                                   modules=[{"name": "</pre><script>", "drivers": ["m\"><svg onload=x>"]}])),
     path=ADVICE, accept="text/html", expect="any")

# ---- imports ---------------------------------------------------------------------------------------------
case("dmesg-empty", b"", path=DMESG, ctype=TEXT_T, expect="4xx")
case("dmesg-binary", bytes(range(256)) * 64, path=DMESG, ctype=TEXT_T, expect="4xx")
case("dmesg-calling-only", "".join("[    0.%06d] calling  f%d+0x0/0x10 @ 1\n" % (i, i) for i in range(5000)), path=DMESG,
     ctype=TEXT_T, expect="4xx")
case("dmesg-backwards", "".join("[ %4d.000000] calling  f%d+0x0/0x10 @ 1\n[ %4d.000000] initcall f%d+0x0/0x10 returned 0 after 1 usecs\n"
                                % (9000 - 2 * i, i, 8999 - 2 * i, i) for i in range(2000)), path=DMESG, ctype=TEXT_T, expect="4xx")
case("dmesg-gzip-bomb", gzip.compress(b"\n" * (200 * 1024 * 1024), mtime=0), path=DMESG, ctype=TEXT_T, expect="4xx")
case("dmesg-over-limit", "x" * (65 * 1024 * 1024), path=DMESG, ctype=TEXT_T, expect="4xx")
case("dmesg-one-giant-line", "[    1.000000] " + "a" * (10 * 1024 * 1024), path=DMESG, ctype=TEXT_T, expect="any")
case("dmesg-million-stamps", "".join("[%12.6f] hello\n" % (i / 1e6) for i in range(300000)), path=DMESG, ctype=TEXT_T,
     expect="any")
case("dmesg-quoted-printable", "".join("[    0.%06d] calling  drm_displ=\nay_helper_init+0x0/0x10 [drm_displ=\nay_helper] @ 9=\n3D\n" % i
                                       for i in range(50)), path=DMESG, ctype=TEXT_T, expect="4xx")
case("dmesg-svg-hostile-names", "".join("[    0.%06d] calling  <script>x%d+0x0/0x10 @ 1\n[    0.%06d] initcall <script>x%d+0x0/0x10 returned 0 after 5 usecs\n"
                                        % (2 * i, i, 2 * i + 1, i) for i in range(100)), path=DMESG, ctype=TEXT_T,
     accept="image/svg+xml", expect="any")
case("modules-dep-cycle", "kernel/a.ko: kernel/b.ko\nkernel/b.ko: kernel/a.ko\n", path=MODULES + "?kernelRelease=6.1.0",
     ctype=TEXT_T, expect="any")
case("modules-dep-binary", bytes(range(256)) * 32, path=MODULES + "?kernelRelease=6.1.0", ctype=TEXT_T, expect="4xx")
case("modules-dep-100000", "".join("kernel/m%d.ko:\n" % i for i in range(100000)), path=MODULES + "?kernelRelease=6.1.0",
     ctype=TEXT_T, expect="any")
case("modules-dep-deep-chain", "".join("kernel/m%d.ko: %s\n" % (i, "kernel/m%d.ko" % (i - 1) if i else "") for i in range(9000)),
     path=MODULES + "?kernelRelease=6.1.0", ctype=TEXT_T, expect="any")
case("modules-release-traversal", "kernel/a.ko:\n", path=MODULES + "?kernelRelease=../../../etc", ctype=TEXT_T, expect="any")  # a label in the plan, never a path

with open(os.path.join(OUT, "cases.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(CASES) + "\n")
print("wrote %d cases to %s" % (len(CASES), OUT))
