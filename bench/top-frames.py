#!/usr/bin/env python3
"""Reads a speedscope file (dotnet-trace convert --format speedscope) and prints the frames
where CPU samples were spent: inclusive share (the frame or anything it called) and exclusive
share, over the threads that did request work. Usage: top-frames.py trace.speedscope.json [filter] [n]"""
import json, sys, collections

path = sys.argv[1]
needle = sys.argv[2] if len(sys.argv) > 2 else ""
count = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 40
doc = json.load(open(path))
on_cpu = "--cpu" in sys.argv
frames = [f["name"] for f in doc["shared"]["frames"]]
inclusive, exclusive, total = collections.Counter(), collections.Counter(), 0
for profile in doc["profiles"]:
    if profile["type"] == "evented":
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and not (on_cpu and frames[stack[-1]] != "CPU_TIME"):
                span = at - last
                total += span
                for f in set(stack):
                    inclusive[f] += span
                exclusive[stack[-1]] += span
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()
    else:
        for sample, weight in zip(profile["samples"], profile["weights"]):
            # dotnet-trace marks a thread's on-CPU samples with a CPU_TIME leaf; the rest is waiting.
            if on_cpu and (not sample or frames[sample[-1]] != "CPU_TIME"):
                continue
            total += weight
            for f in set(sample):
                inclusive[f] += weight
            if sample:
                exclusive[sample[-1]] += weight
# Idle waits dominate a wall-clock trace: measure against the time spent under request work.
root = [] if on_cpu else [f for f, n in enumerate(frames) if "HostingApplication.ProcessRequestAsync" in n or "Kestrel" in n and "ProcessRequests" in n]
base = max((inclusive[f] for f in root), default=total) or 1
print(f"total {total:.0f}, under request processing {base:.0f}" + (" (on-CPU time only)" if on_cpu else ""))
rows = [(inclusive[f], exclusive[f], frames[f]) for f in inclusive if needle in frames[f]]
key = (lambda r: (r[1], r[0])) if "--exclusive" in sys.argv else (lambda r: r)
for inc, exc, name in sorted(rows, key=key, reverse=True)[:count]:
    print(f"{100*inc/base:6.1f}% {100*exc/base:6.1f}%  {name[:150]}")
