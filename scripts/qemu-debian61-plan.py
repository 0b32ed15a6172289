#!/usr/bin/env python3
"""Turn the QEMU/Debian 6.1 "mixed" sync boot into a manifest that replays it.

    scripts/qemu-debian61-plan.py [DMESG [SYSFS]] [--out PLAN.json] [--modules DIR] [--explain]

DMESG defaults to <repo>/../shared/data/qemu-debian61/mixed-sync.dmesg, SYSFS to the
mixed-sync.sysfs.txt next to DMESG. The plan is written to
<repo>/examples/qemu-debian61-mixed.json (2-space indent, fixed key order,
same input -> same bytes). Standard library only.

Besides DMESG and SYSFS the script reads:
  * the two other boots in DMESG's folder (mixed-modasync.dmesg, mixed-drvasync.dmesg): only for
    the measured figures printed for checking (the plan uses nothing from them);
  * modules.dep.gz and modules.alias.gz of Debian's 6.1.0-57-amd64
    (src/test/resources/modules/debian-6.1.0-57-amd64/) for the module dependencies.

Every derivation is explained, number by number, in docs/qemu-debian61-plan.md. --explain prints
the intermediate figures the doc's tables are made of.
"""

import argparse
import gzip
import json
import os
import re
import sys
from collections import OrderedDict

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "qemu-debian61"))
OUT = os.path.join(REPO, "examples", "qemu-debian61-mixed.json")
MODULES = os.path.join(REPO, "src", "test", "resources", "modules", "debian-6.1.0-57-amd64")

# What /init loads (README): these top modules in this order, each preceded by the part of its
# modules.dep chain not loaded yet; crc7 last, as the barrier ("GT: barrier begin/end").
TOP_MODULES = ["virtio_pci", "virtio_blk", "virtio_net", "virtio_scsi", "sd_mod", "ahci", "nvme",
               "e1000", "xhci_pci", "usb_storage", "crc7"]
BARRIER_MODULE = "crc7"
MODULE_OPTIONS = {"usb_storage": "delay_use=0"}  # README: usb_storage is loaded with delay_use=0
# Soft dependencies are not in modules.dep (they live in the module's modinfo). lib/crc-t10dif.c
# has MODULE_SOFTDEP("pre: crct10dif"); the alias is resolved with modules.alias below.
SOFTDEPS = {"crc_t10dif": ["crct10dif"]}
# Fields the template fixes and the log cannot tell.
SYSTEMD_VERSION = 252        # Debian 12's systemd; this initramfs runs busybox, not systemd
MACHINE_MEMORY = "512MiB"    # README: QEMU -m 512
LOAD_CPU_PERCENT = 100       # module loading (copy, signature check, relocation) is CPU work

LINE = re.compile(r"^\[\s*(\d+)\.(\d{6})\] (.*)$")
CALLING = re.compile(r"^calling  (\S+?)\+0x[0-9a-f]+/0x[0-9a-f]+ \[(\S+)\] @ \d+$")
RETURNED = re.compile(r"^initcall (\S+?)\+0x[0-9a-f]+/0x[0-9a-f]+ \[(\S+)\] returned (-?\d+) after (\d+) usecs$")
MATCHED = re.compile(r"^bus: '(\S+)': __driver_probe_device: matched device (\S+) with driver (\S+)$")
REALLY = re.compile(r"^bus: '(\S+)': really_probe: probing driver (\S+) with device (\S+)$")
PROBE_OF = re.compile(r"^probe of (\S+) returned (-?\d+) after (\d+) usecs$")
ASYNC_DRV = re.compile(r"^\S+ (\S+): probing driver (\S+) asynchronously$")
ASYNC_DEV = re.compile(r"^\S+ (\S+): scheduling asynchronous probe$")
REGISTERED = re.compile(r"^\S+: registered new (?:interface |device )?driver (\S+)$")
SCSI_HOST = re.compile(r"^scsi host(\d+): ")
SCSI_DEV = re.compile(r"^scsi (\d+:\d+:\d+:\d+): ")
USB_NEW = re.compile(r"^usb (\S+): New USB device found")
GT_BEGIN = re.compile(r"^GT: insmod begin (\S+)$")
GT_END = re.compile(r"^GT: insmod end (\S+) rc=(-?\d+)$")


def kname(name):
    """Kernel spelling of a module name."""
    return name.replace("-", "_")


def us(n):
    return "%dus" % n


def median(values):
    """Median in whole µs; for an even count the mean of the two middle values, rounded half up."""
    v = sorted(values)
    n = len(v)
    if n % 2:
        return v[n // 2]
    return (v[n // 2 - 1] + v[n // 2] + 1) // 2


def read_log(path):
    """[(index, time in µs, message)], line endings (the files have CRLF) stripped."""
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for raw in f:
            m = LINE.match(raw.rstrip("\r\n"))
            if m:
                out.append((len(out), int(m.group(1)) * 1000000 + int(m.group(2)), m.group(3)))
    return out


def find(log, text, start=0):
    for i, t, msg in log[start:]:
        if msg.startswith(text):
            return i, t
    raise SystemExit("not in the log: %r" % text)


class Probe:
    def __init__(self, bus, driver, device, start_i, start_t):
        self.bus, self.driver, self.device = bus, driver, device
        self.start_i, self.start_t = start_i, start_t
        self.end_i = self.end_t = self.rc = self.dur = None
        self.is_async = False
        self.children = []      # sync probes nested directly inside this one
        self.parent_probe = None

    def contains(self, other):
        return self.start_i < other.start_i and other.end_i < self.end_i


def parse_probes(log, first=0):
    """Every really_probe ... probe of ... returned pair from line `first` on."""
    open_by_dev, probes, async_marked = {}, [], set()
    for i, t, msg in log[first:]:
        m = ASYNC_DRV.match(msg) or ASYNC_DEV.match(msg)
        if m:
            async_marked.add(m.group(1))
            continue
        m = REALLY.match(msg)
        if m:
            p = Probe(m.group(1), m.group(2), m.group(3), i, t)
            p.is_async = p.device in async_marked
            open_by_dev[p.device] = p
            probes.append(p)
            continue
        m = PROBE_OF.match(msg)
        if m and m.group(1) in open_by_dev:
            p = open_by_dev.pop(m.group(1))
            p.end_i, p.end_t, p.rc, p.dur = i, t, int(m.group(2)), int(m.group(3))
    probes = [p for p in probes if p.end_i is not None]
    # Nesting: a sync probe lying (line-wise) inside another sync probe ran inside it.
    sync = [p for p in probes if not p.is_async]
    for p in sync:
        outer = [q for q in sync if q is not p and q.contains(p)]
        if outer:
            p.parent_probe = max(outer, key=lambda q: q.start_i)   # the innermost
            p.parent_probe.children.append(p)
    return probes


def gt_loads(log, first):
    """The module loads in order: name, begin and end (index, time). crc7 is the barrier."""
    loads, cur = [], None
    for i, t, msg in log[first:]:
        m = GT_BEGIN.match(msg)
        if m or msg == "GT: barrier begin":
            cur = {"file": m.group(1) if m else BARRIER_MODULE, "begin": (i, t)}
            cur["name"] = kname(cur["file"])
            continue
        m = GT_END.match(msg)
        if m or msg == "GT: barrier end":
            assert cur is not None and (not m or kname(m.group(1)) == cur["name"]), msg
            if m and m.group(2) != "0":
                raise SystemExit("insmod %s failed: %s" % (cur["name"], msg))
            cur["end"] = (i, t)
            loads.append(cur)
            cur = None
    return loads


def read_modules_dep(path):
    """{module: [its modules.dep dependencies, in file order]} with kernel spelling."""
    dep = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if ":" not in line:
                continue
            mod, deps = line.split(":", 1)
            base = lambda p: kname(os.path.basename(p)[:-3] if p.endswith(".ko") else os.path.basename(p))
            dep[base(mod)] = [base(d) for d in deps.split()]
    return dep


def read_aliases(path, wanted):
    """{alias: [modules]} for the aliases in `wanted`, in file order."""
    out = {a: [] for a in wanted}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "alias" and parts[1] in out:
                out[parts[1]].append(kname(parts[2]))
    return out


def chain_order(tops, depends_on):
    """What the simulator loads: for each top module, its dependencies depth-first in dependsOn
    order, each module once, then the module itself."""
    loaded, order = set(), []

    def visit(m):
        if m in loaded:
            return
        for d in depends_on.get(m, []):
            visit(d)
        loaded.add(m)
        order.append(m)

    for m in tops:
        visit(m)
    return order


def measured(path):
    log = read_log(path)
    begin = next(tt for _, tt, msg in log if msg == "GT: modules begin")
    present = next(tt for _, tt, msg in log if msg.startswith("GT: devices present"))
    first_insmod = next(tt for _, tt, msg in log if msg.startswith("GT: insmod begin"))
    last_probe = [tt for _, tt, msg in log if PROBE_OF.match(msg)][-1]
    return present - begin, last_probe - first_insmod


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("dmesg", nargs="?", default=os.path.join(DATA, "mixed-sync.dmesg"))
    ap.add_argument("sysfs", nargs="?", default=None)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--modules", default=MODULES, help="directory with modules.dep.gz, modules.alias.gz")
    ap.add_argument("--explain", action="store_true", help="print the intermediate figures")
    a = ap.parse_args()
    data_dir = os.path.dirname(os.path.abspath(a.dmesg))
    sysfs_path = a.sysfs or os.path.join(data_dir, "mixed-sync.sysfs.txt")
    ex = print if a.explain else (lambda *x, **k: None)

    log = read_log(a.dmesg)
    msgs = [msg for _, _, msg in log]

    # ---- kernel -----------------------------------------------------------------------------
    version = re.match(r"Linux version (\d+)\.(\d+)", next(m for m in msgs if m.startswith("Linux version ")))
    cmdline = next(m for m in msgs if m.startswith("Command line: "))[len("Command line: "):]
    try:
        _, init_exec = find(log, "Run /init as init process")
    except SystemExit:
        _, init_exec = find(log, "GT: init start")
    assert any(m.startswith("Trying to unpack rootfs image as initramfs") for m in msgs)

    # ---- module loads -----------------------------------------------------------------------
    first, _ = find(log, "GT: modules begin")
    loads = gt_loads(log, first)
    names = [ld["name"] for ld in loads]
    probes = parse_probes(log, first)
    calls = {}
    for i, t, msg in log[first:]:
        m = CALLING.match(msg)
        if m:
            calls[kname(m.group(2))] = {"calling": (i, t)}
            continue
        m = RETURNED.match(msg)
        if m:
            c = calls[kname(m.group(2))]
            c["returned"], c["after"], c["rc"] = (i, t), int(m.group(4)), int(m.group(3))
    for ld in loads:
        c = calls.get(ld["name"])
        ld["has_init"] = c is not None
        if c:
            assert ld["begin"][0] < c["calling"][0] < c["returned"][0] < ld["end"][0], ld["name"]
            ld.update(c)
            ld["head"] = c["calling"][1] - ld["begin"][1]
            ld["tail"] = ld["end"][1] - c["returned"][1]
            # kernel lines between the initcall's return and the insmod end: the load waited for
            # async work (do_init_module's async_synchronize_full)
            ld["waited"] = any(not msgs[k].startswith("GT: ") for k in range(c["returned"][0] + 1, ld["end"][0]))
            # probes that ran synchronously inside the initcall, top level only
            ld["sync_probes"] = [p for p in probes if not p.is_async and p.parent_probe is None
                                 and c["calling"][0] < p.start_i and p.end_i < c["returned"][0]]
            ld["async_probes_inside"] = [p for p in probes if p.is_async
                                         and c["calling"][0] < p.start_i and p.end_i < c["returned"][0]]
        else:
            ld["waited"], ld["sync_probes"], ld["async_probes_inside"] = False, [], []

    tails = [ld["tail"] for ld in loads if ld["has_init"] and not ld["waited"]]
    tail_med = median(tails)
    gaps = [loads[k + 1]["begin"][1] - loads[k]["end"][1] for k in range(len(loads) - 1)]
    interval = median(gaps)

    for ld in loads:
        if ld["has_init"]:
            ld["loadTime"] = ld["head"] + (tail_med if ld["waited"] else ld["tail"])
            ld["init"] = ld["after"] - sum(p.dur for p in ld["sync_probes"])
        else:
            ld["loadTime"] = ld["end"][1] - ld["begin"][1]
            ld["init"] = 0
        ld["probe_sum"] = sum(p.dur for p in ld["sync_probes"])

    # ---- dependencies (modules.dep, modprobe's order) and the chain check ----------------------
    dep = read_modules_dep(os.path.join(a.modules, "modules.dep.gz"))
    aliases = read_aliases(os.path.join(a.modules, "modules.alias.gz"),
                           {x for v in SOFTDEPS.values() for x in v})
    depends_on = {}
    for m in names:
        if m not in dep:
            raise SystemExit("%s is not in modules.dep" % m)
        # modules.dep lists a module's whole dependency set, the deepest last; modprobe loads it
        # from the end. Listed deepest first, a depth-first walk loads it in modprobe's order.
        d = list(reversed(dep[m]))
        for alias in SOFTDEPS.get(m, []):
            d += [x for x in aliases[alias] if x not in d]
        depends_on[m] = d
    simulated = chain_order(TOP_MODULES, depends_on)
    if simulated != names:
        raise SystemExit("chain order differs from the log's insmod order:\n  plan %s\n  log  %s"
                         % (simulated, names))
    assert all(x in names for m in names for x in depends_on[m])

    # ---- drivers: which module's init first names them ------------------------------------------
    driver_module = OrderedDict()
    for ld in [x for x in loads if x["has_init"]]:
        for k in range(ld["calling"][0] + 1, ld["returned"][0]):
            msg = msgs[k]
            m = REALLY.match(msg) or ASYNC_DRV.match(msg) or REGISTERED.match(msg)
            if not m:
                continue
            drv = m.group(2) if m.re in (REALLY, ASYNC_DRV) else m.group(1)
            driver_module.setdefault(drv, ld["name"])
    bound = {p.driver for p in probes if p.rc == 0}
    drivers = [d for d in driver_module if d in bound]            # usbfs binds nothing: left out
    # PREFER_ASYNC: in this boot (module.async_probe=N, no driver_async_probe=) the only reason
    # for an asynchronous probe is the driver's own probe type.
    prefer_async = {p.driver for p in probes if p.is_async}

    # ---- devices --------------------------------------------------------------------------------
    own = {}
    by_dev = {}
    for p in probes:
        if p.rc != 0:
            continue
        assert p.device not in by_dev, p.device
        by_dev[p.device] = p
        own[p.device] = p.dur - sum(c.dur for c in p.children)
    bus_of = {p.device: p.bus for p in by_dev.values()}

    # when each device is first named (for children of work: where the work adds it)
    first_named, scsi_host_creator = {}, {}
    sync_sorted = sorted([p for p in by_dev.values() if not p.is_async], key=lambda p: p.start_i)

    def innermost_sync_probe(i):
        inside = [p for p in sync_sorted if p.start_i < i < p.end_i]
        return max(inside, key=lambda p: p.start_i) if inside else None

    for i, t, msg in log[first:]:
        m = SCSI_DEV.match(msg)
        if m:
            first_named.setdefault(m.group(1), (i, t, msg))
        m = MATCHED.match(msg)
        if m:
            first_named.setdefault(m.group(2), (i, t, msg))
        m = SCSI_HOST.match(msg)
        if m:
            creator = innermost_sync_probe(i)
            assert creator is not None, msg
            scsi_host_creator[m.group(1)] = creator.device

    parent = {}
    made_by_probe = set()     # children the parent's probe itself registers (never work-created)
    vpci = [p.device for p in sorted(by_dev.values(), key=lambda p: p.start_i) if p.driver == "virtio-pci"]
    vdevs = sorted([d for d in by_dev if re.fullmatch(r"virtio\d+", d)], key=lambda d: int(d[6:]))
    assert len(vpci) == len(vdevs)
    for k, d in enumerate(vdevs):
        assert d == "virtio%d" % k
        parent[d] = vpci[k]          # the k-th virtio-pci probe registers virtio<k>
        made_by_probe.add(d)         # (no line names virtio<k> before its own driver matches it)
    for d in by_dev:
        m = re.fullmatch(r"(\d+):\d+:\d+:\d+", d)
        if m:
            parent[d] = scsi_host_creator[m.group(1)]
        m = re.fullmatch(r"usb(\d+)", d)
        if m:
            # the root hub is registered by the host controller's probe it is named in
            i = next(i for i, _, msg in log[first:] if msg.startswith("usb %s: New USB device found" % d))
            parent[d] = innermost_sync_probe(i).device
        m = re.fullmatch(r"(\d+)-([\d.]+):\d+\.\d+", d)
        if m:                         # interface -> its USB device
            parent[d] = "usb" + m.group(1) if m.group(2) == "0" else "%s-%s" % (m.group(1), m.group(2))
        m = re.fullmatch(r"(\d+)-([\d.]+)", d)
        if m:                         # USB device -> the hub interface of its upstream port
            up = m.group(2).rsplit(".", 1)[0] if "." in m.group(2) else "0"
            parent[d] = "%s-%s:1.0" % (m.group(1), up)
    for d, p in parent.items():
        assert p in by_dev, (d, p)

    # work a probe starts that outlives it: children added after the parent's probe returned
    load_of_probe = {}
    for ld in loads:
        for p in probes:
            if ld["begin"][0] < p.start_i < ld["end"][0]:
                load_of_probe[p.device] = ld
    work = OrderedDict()     # parent device -> {"queue", "children": [(child, offset)], "asyncWork"}
    discovered_after = {}
    for d in sorted(parent, key=lambda d: first_named.get(d, (10 ** 9,))[0]):
        par = by_dev[parent[d]]
        if d in made_by_probe or d not in first_named or first_named[d][0] < par.end_i:
            continue                  # created by the parent's probe itself
        w = work.setdefault(par.device, {"children": []})
        i, t, msg = first_named[d]
        raw = t - par.end_t
        # sync probes of earlier children of this work ran nested inside it: wall clock, not work
        nested = sum(by_dev[c].dur for c, _, _, _ in w["children"]
                     if not by_dev[c].is_async and by_dev[c].parent_probe is None and by_dev[c].end_i < i)
        w["children"].append((d, raw - nested, raw, msg))
        discovered_after[d] = raw - nested
    for ld in loads:                 # a waited-for load whose probe has no children: nvme
        if ld["waited"] and ld["sync_probes"]:
            for p in ld["sync_probes"]:
                work.setdefault(p.device, {"children": []})
    for pdev, w in work.items():
        par = by_dev[pdev]
        ld = load_of_probe.get(pdev)
        waited = ld is not None and ld["waited"] and (not w["children"] or
                                                      first_named[w["children"][-1][0]][0] < ld["end"][0])
        w["queue"] = "async" if waited else "workqueue"
        last = max([off for _, off, _, _ in w["children"]] or [0])
        if waited:
            nested = sum(by_dev[c].dur for c, _, _, _ in w["children"]
                         if not by_dev[c].is_async and by_dev[c].parent_probe is None)
            w["until_load_end"] = (ld["end"][1] - tail_med) - par.end_t - nested
            w["asyncWork"] = max(last, w["until_load_end"])
        else:
            w["asyncWork"] = last

    # ---- e1000's CPU share, estimated from the driver's source (docs/qemu-debian61-plan.md) ------
    # e1000_probe() on an 82540EM: two e1000_reset_hw() calls, each msleep(10) + msleep(5) (e1000_get_auto_rd_done);
    # everything else is udelay() bit-banging or MMIO, i.e. CPU. 6.1's msleep(m) sleeps msecs_to_jiffies(m) + 1
    # jiffies from a random point of the current one: on average (msecs_to_jiffies(m) + 0.5) jiffies, HZ=250.
    def msleep_us(m, hz=250):
        jiffy = 1_000_000 // hz
        return (-(-m * 1000 // jiffy) * 2 + 1) * jiffy // 2
    e1000_sleep = 2 * (msleep_us(10) + msleep_us(5))
    e1000_sync = [p for p in by_dev.values() if p.driver == "e1000"]
    e1000_mean = sum(p.dur for p in e1000_sync) // len(e1000_sync)
    e1000_pct = (200 * (e1000_mean - e1000_sleep) + e1000_mean) // (2 * e1000_mean)

    # ---- cross-check only (not used in the plan): the driver_async_probe=* boot ----------------
    drv_path = os.path.join(data_dir, "mixed-drvasync.dmesg")
    dlog = read_log(drv_path)
    dfirst, _ = find(dlog, "GT: modules begin")
    dprobes = [p for p in parse_probes(dlog, dfirst) if p.driver == "e1000" and p.rc == 0]
    assert len(dprobes) == 2 and len(e1000_sync) == 2 and all(p.is_async for p in dprobes)
    wall = max(p.end_t for p in dprobes) - min(p.start_t for p in dprobes)
    sync_sum = sum(p.dur for p in e1000_sync)
    drvasync_pct = min(100, (200 * wall + sync_sum) // (2 * sync_sum))

    # ---- sysfs cross-checks --------------------------------------------------------------------
    binds, modules_live = {}, set()
    with open(sysfs_path, encoding="utf-8") as f:
        for line in f:
            w_ = line.split()
            if w_ and w_[0] == "GT-BIND":
                binds[w_[-1]] = w_[2]          # GT-BIND bus driver device
            elif w_ and w_[0] == "GT-MODULE":
                modules_live.add(w_[1])
    for d, p in by_dev.items():
        assert binds.get(d) == p.driver, (d, p.driver, binds.get(d))
    assert modules_live == set(names), modules_live ^ set(names)

    # ---- the manifest ----------------------------------------------------------------------------
    def pci_key(d):
        return tuple(int(x, 16) for x in re.split(r"[:.]", d))

    bus_rank = OrderedDict()
    for p in sorted(by_dev.values(), key=lambda p: first_named.get(p.device, (p.start_i,))[0]):
        bus_rank.setdefault(p.bus, len(bus_rank))

    def dev_key(d):
        if bus_of[d] == "pci":
            return (0, pci_key(d))
        if bus_of[d] == "virtio":
            return (1 + bus_rank[bus_of[d]], (int(d[6:]),))
        return (1 + bus_rank[bus_of[d]], (first_named.get(d, (by_dev[d].start_i,))[0],))

    devices = []
    for d in sorted(by_dev, key=dev_key):
        p = by_dev[d]
        e = OrderedDict([("name", d), ("driver", p.driver), ("probeTime", us(own[d]))])
        if d in parent:
            e["parent"] = parent[d]
        if d in discovered_after:
            e["discoveredAfter"] = us(discovered_after[d])
        if p.driver == "e1000":
            e["cpuPercent"] = e1000_pct
            e["cpuPercentEstimated"] = True
        if d in work:
            e["asyncWork"] = us(work[d]["asyncWork"])
            e["asyncWorkQueue"] = work[d]["queue"]
        devices.append(e)

    modules = []
    for ld in loads:
        m = ld["name"]
        modules.append(OrderedDict([
            ("name", m), ("init", us(ld["init"])), ("loadTime", us(ld["loadTime"])),
            ("loadCpuPercent", LOAD_CPU_PERCENT), ("dependsOn", depends_on[m]), ("inInitramfs", True),
            ("drivers", [d for d in drivers if driver_module[d] == m])]))

    first_begin = loads[0]["begin"][1]
    plan = OrderedDict([
        ("name", "qemu-debian61-mixed"),
        ("kernel", OrderedDict([
            ("version", "%s.%s" % version.groups()),
            ("cmdline", cmdline),
            ("modulesEnabled", True),
            ("initramfs", OrderedDict([("present", True), ("unpackTime", "0us")])),
            ("earlyBoot", us(init_exec))])),
        ("systemd", OrderedDict([("version", SYSTEMD_VERSION)])),
        ("machine", OrderedDict([("cpus", int(re.search(r"ncpu=(\d+)", next(m for m in msgs if m.startswith("GT: uptime"))).group(1))),
                                 ("memory", MACHINE_MEMORY)])),
        ("initcalls", []),
        ("modules", modules),
        ("drivers", [OrderedDict([("name", d)] + ([("probeType", "prefer-async")] if d in prefer_async else []))
                     for d in drivers]),
        ("devices", devices),
        ("userspace", OrderedDict([
            ("udev", False),
            ("moduleLoads", [OrderedDict([
                ("by", "initramfs-script"), ("phase", "initrd"),
                ("after", us(first_begin - init_exec - interval)),
                ("concurrency", "serial"), ("interval", us(interval)),
                ("modules", [OrderedDict([("name", m)] + ([("options", MODULE_OPTIONS[m])] if m in MODULE_OPTIONS else []))
                             for m in TOP_MODULES])])])]))])

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(plan, indent=2, ensure_ascii=False) + "\n")

    # ---- explain (for the doc) -------------------------------------------------------------------
    ex("earlyBoot: Run /init at %d" % init_exec)
    ex("gaps (end_i -> begin_i+1): %s -> interval (median of %d) = %d" % (gaps, len(gaps), interval))
    ex("tails of loads that did not wait: %s -> median %d" % (sorted(tails), tail_med))
    ex("after = %d - %d - %d = %d" % (first_begin, init_exec, interval, first_begin - init_exec - interval))
    ex("(Lnnn = line number in the dmesg file; times in µs since boot)")
    ex("%-22s %15s %15s %15s %15s %7s %9s %7s %6s %8s %8s %6s %s" % (
        "module", "begin", "calling", "returned", "end", "head", "tail", "waited", "after", "probes",
        "loadTime", "init", "gap-before"))
    for k, ld in enumerate(loads):
        at = lambda key: "L%d@%d" % (ld[key][0] + 1, ld[key][1]) if key in ld else "-"
        ex("%-22s %15s %15s %15s %15s %7s %9s %7s %6s %8d %8d %6d %s" % (
            ld["name"], at("begin"), at("calling"), at("returned"), at("end"), ld.get("head", "-"),
            ld.get("tail", "-"), ld["waited"], ld.get("after", "-"), ld["probe_sum"], ld["loadTime"], ld["init"],
            gaps[k - 1] if k else "-"))
        for p in ld["sync_probes"]:
            ex("    sync probe %s %s %d (L%d)" % (p.device, p.driver, p.dur, p.end_i + 1))
        for p in ld["async_probes_inside"]:
            ex("    ASYNC probe inside initcall %s %s %d (L%d, not subtracted)" % (p.device, p.driver, p.dur,
                                                                                  p.end_i + 1))
    ex("depends_on: %s" % json.dumps(depends_on))
    ex("drivers: %s" % dict(driver_module))
    for d in sorted(by_dev, key=dev_key):
        p = by_dev[d]
        fn = first_named.get(d, (-1, 0, ""))
        ex("dev %-14s %-11s %-6s start=L%d@%d end=L%d@%d dur=%d own=%d children=%s parent=%s async=%s named=L%d@%d %r" % (
            d, p.driver, p.bus, p.start_i + 1, p.start_t, p.end_i + 1, p.end_t, p.dur, own[d],
            [(c.device, c.dur) for c in p.children], parent.get(d), p.is_async, fn[0] + 1, fn[1], fn[2][:60]))
    for pdev, w in work.items():
        ex("work on %s (return %d): queue=%s children=%s until_load_end=%s asyncWork=%d" % (
            pdev, by_dev[pdev].end_t, w["queue"], [(c, off, raw) for c, off, raw, _ in w["children"]],
            w.get("until_load_end"), w["asyncWork"]))
    ex("e1000 drvasync: %s wall=%d sync sum=%d -> %d%%" % (
        [(p.device, "L%d@%d" % (p.start_i + 1, p.start_t), "L%d@%d" % (p.end_i + 1, p.end_t), p.dur)
         for p in dprobes], wall, sync_sum, drvasync_pct))

    # ---- summary ----------------------------------------------------------------------------------
    rel = os.path.relpath(a.out, REPO) if os.path.abspath(a.out).startswith(REPO) else a.out
    print("wrote %s: %d modules, %d drivers, %d devices; interval %dus, after %dus, earlyBoot %dus"
          % (rel, len(modules), len(drivers), len(devices), interval, first_begin - init_exec - interval, init_exec))
    print("chain order check: the plan's depth-first dependsOn order equals the log's %d insmods" % len(names))
    print("e1000 cpuPercent %d, estimated: mean probe %dus less %dus of msleep at HZ=250 (cross-check, not used:"
          " the drvasync boot's two parallel probes, %dus wall vs %dus summed, would say %d)"
          % (e1000_pct, e1000_mean, e1000_sleep, wall, sync_sum, drvasync_pct))
    for f in ("mixed-sync.dmesg", "mixed-modasync.dmesg", "mixed-drvasync.dmesg"):
        fig, last = measured(os.path.join(data_dir, f))
        print("measured %-21s modules begin -> devices present %9dus; first insmod begin -> last 'probe of' %9dus"
              % (f + ":", fig, last))
    span = loads[-1]["end"][1] - first_begin
    total = sum(interval + ld["loadTime"] + ld["init"] + ld["probe_sum"] for ld in loads)
    waits = sum(ld["tail"] - tail_med for ld in loads if ld["waited"])
    gap_excess = sum(gaps) - interval * (len(loads) - 1)
    resid = span - (total - interval) - waits - gap_excess
    print("check: sum(interval+loadTime+init+sync probes) over %d loads = %dus; first insmod begin -> last insmod end"
          " (%s) = %dus; difference %dus (%.1f %%)" % (len(loads), total, loads[-1]["name"], span, span - total,
                                                     100.0 * (span - total) / span))
    print("       of which async waits %dus, gaps above the median interval %dus, one interval before the first"
          " begin -%dus; unexplained %dus (%.2f %%)" % (waits, gap_excess, interval, resid, 100.0 * resid / span))


if __name__ == "__main__":
    main()
