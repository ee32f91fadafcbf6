#!/usr/bin/env python3
"""Cuts a `PERF_DATA=... bench/documents/run.sh` profile by transfer: for each process (service, gateway) and each
path and direction, the samples taken while that transfer ran, the share of the process's samples by where they were
spent (leaf frame grouped: kernel system call, GC, JIT, SHA-256, copies, managed methods), and the heaviest frames.

    perf script -i perf.data -F comm,pid,tid,time,ip,sym,dso > perf.txt
    bench/documents/perf-split.py perf.txt run.log SERVICE_PID GATEWAY_PID [TOP]
"""
import collections
import re
import sys


def read_samples(path):
    samples, current = [], None
    header = re.compile(r'^(.*?)\s+(\d+)/(\d+)\s+(\d+\.\d+):')
    for line in open(path, errors='replace'):
        if line.startswith('\t'):
            if current is not None:
                text = line.strip()
                rest = text.split(' ', 1)[1] if ' ' in text else ''
                m = re.match(r'(.*) \((.*)\)$', rest)
                current['frames'].append((m.group(1), m.group(2).rsplit('/', 1)[-1]) if m else (rest, ''))
        elif line.strip():
            m = header.match(line)
            current = {'comm': m.group(1).strip(), 'pid': m.group(2), 'time': float(m.group(4)), 'frames': []} if m else None
            if current:
                samples.append(current)
    return samples


def read_spans(path):
    spans = []
    for line in open(path, errors='replace'):
        m = re.search(r'span (\S+) (\S+) (\d+) (\d+)', line)
        if m:
            spans.append((m.group(1), m.group(2), int(m.group(3)) / 1e9, int(m.group(4)) / 1e9))
    return spans


def category(sample):
    frames = sample['frames']
    if not frames:
        return 'no stack'
    if sample['comm'].startswith('.NET BGC') or sample['comm'].startswith('.NET Server GC'):
        return 'GC thread'
    if sample['comm'].startswith('.NET Tiered'):
        return 'JIT (tiering)'
    names = [f[0] for f in frames]
    for name in names:
        if name.startswith('__x64_sys_'):
            return 'kernel: ' + name[len('__x64_sys_'):]
        if name in ('asm_exc_page_fault', 'exc_page_fault'):
            return 'kernel: page fault'
    leaf, dso = frames[0]
    if dso == 'libcrypto.so.3':
        return 'libcrypto (SHA-256)'
    if dso == 'libclrjit.so':
        return 'JIT'
    if dso == 'libc.so.6':
        return 'libc (memmove/memset...)'
    if dso == 'libcoreclr.so':
        return 'coreclr (GC, allocation, runtime)'
    if dso.startswith('perf-') or dso.endswith('.dll'):
        return 'managed'
    if dso == '[kernel.kallsyms]':
        return 'kernel: other'
    return dso


def named(frame):
    sym, dso = frame
    if dso.startswith('perf-') and sym != '[unknown]' and not sym.startswith('stub'):
        m = re.search(r'\] ([\w.`+<>]+::[^(]+)\(', sym)
        return m.group(1) if m else sym[:90]
    return None


def main():
    samples = read_samples(sys.argv[1])
    spans = read_spans(sys.argv[2])
    processes = {sys.argv[3]: 'service', sys.argv[4]: 'gateway'}
    top = int(sys.argv[5]) if len(sys.argv) > 5 else 12
    groups = collections.defaultdict(list)
    for s in samples:
        if s['pid'] not in processes:
            continue
        for path, direction, start, end in spans:
            if start <= s['time'] <= end:
                groups[(processes[s['pid']], path, direction)].append(s)
                break
    for key in sorted(groups):
        ss = groups[key]
        seconds = sum(end - start for p, d, start, end in spans if (p, d) == key[1:])
        print(f'== {key[0]}, {key[1]} {key[2]}: {len(ss)} samples in {seconds:.1f} s of transfers')
        for name, count in collections.Counter(category(s) for s in ss).most_common(top):
            print(f'   {100 * count / len(ss):5.1f}%  {name}')
        inclusive = collections.Counter()
        for s in ss:
            for name in {n for n in map(named, s['frames']) if n}:
                inclusive[name] += 1
        print('   heaviest managed frames (inclusive):')
        for name, count in inclusive.most_common(top):
            print(f'   {100 * count / len(ss):5.1f}%  {name}')


if __name__ == '__main__':
    main()
