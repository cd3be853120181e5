#!/usr/bin/env python3
"""Self-check for the mutation corpus in this directory.

For every NAME.txt / NAME.toml pair:
  * document shape: 20-45 lines, 1,000-3,000 characters;
  * 10-16 relations, ids NAME-01, NAME-02, ..., known kinds;
  * every quote occurs exactly once in the document and contains exactly one number;
  * each quote is parsed into a value and a precision (+/- half a unit of its last
    stated digit, scaled by 万/亿/million/...);
  * the relation HOLDS under that reading: evaluating lhs - rhs at the corners of the
    precision box brackets zero (by continuity some reading makes it exact);
  * the mutation keeps the quote's form (same text around the number, same decimals;
    either the number changes or only the scale word changes), changes the text in
    exactly that one place, and BREAKS the relation: interval arithmetic of lhs - rhs
    excludes zero even with each figure widened to +/- one full unit (twice the
    rounding tolerance);
  * the mutation touches no quote of any other relation, every other quote still
    occurs exactly once afterwards, so every other relation still holds.

Usage: python3 check.py [-v] [DIR]   (DIR defaults to the directory of this script)
"""
from __future__ import annotations

import difflib
import itertools
import math
import random
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCALE_SLIPS = []
KINDS = {"sum", "share", "change", "increment", "point_change", "multiple",
         "per_capita", "unit_price", "cagr", "restatement"}

SCALES = [
    ("万亿", 1e12), ("兆", 1e12), ("千万", 1e7), ("百万", 1e6), ("千萬", 1e7), ("百萬", 1e6),
    ("亿", 1e8), ("億", 1e8), ("万", 1e4), ("萬", 1e4),
    ("trillion", 1e12), ("billion", 1e9), ("million", 1e6), ("thousand", 1e3),
    ("bn", 1e9), ("mn", 1e6), ("m", 1e6), ("千", 1e3),
]
SCALE_RE = (r"(?P<scale>万亿|兆|千万|百万|千萬|百萬|亿|億|万|萬|千(?![瓦米克卡伏帕兆赫])"
            r"|\s?(?i:trillion|billion|million|thousand)(?![A-Za-z])"
            r"|(?:bn|mn|m)(?![A-Za-z]))?")
NUM_RE = re.compile(
    r"(?<![\d.,])(?P<sign>[-−])?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])" + SCALE_RE)
SCALE_MAP = dict(SCALES)


class Interval:
    __slots__ = ("lo", "hi")

    def __init__(self, lo, hi=None):
        if hi is None:
            hi = lo
        self.lo, self.hi = float(min(lo, hi)), float(max(lo, hi))

    @staticmethod
    def of(x):
        return x if isinstance(x, Interval) else Interval(x)

    def __add__(self, o):
        o = Interval.of(o)
        return Interval(self.lo + o.lo, self.hi + o.hi)

    __radd__ = __add__

    def __neg__(self):
        return Interval(-self.hi, -self.lo)

    def __pos__(self):
        return self

    def __sub__(self, o):
        return self + (-Interval.of(o))

    def __rsub__(self, o):
        return Interval.of(o) - self

    def __mul__(self, o):
        o = Interval.of(o)
        p = [self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi]
        return Interval(min(p), max(p))

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Interval.of(o)
        if o.lo <= 0 <= o.hi:
            raise ZeroDivisionError("interval divisor contains zero")
        return self * Interval(1 / o.hi, 1 / o.lo)

    def __rtruediv__(self, o):
        return Interval.of(o) / self

    def __pow__(self, e):
        if isinstance(e, Interval):
            if e.lo != e.hi:
                raise ValueError("interval exponent not supported")
            e = e.lo
        if self.lo <= 0:
            raise ValueError("power of non-positive interval")
        a, b = self.lo ** e, self.hi ** e
        return Interval(a, b)

    def __contains__(self, x):
        return self.lo <= x <= self.hi

    def __repr__(self):
        return f"[{self.lo:.6g}, {self.hi:.6g}]"


def parse_number(s: str):
    """Return (value, half_unit, match) for the single number token in s."""
    ms = list(NUM_RE.finditer(s))
    if len(ms) != 1:
        raise ValueError(f"expected exactly one number in {s!r}, found {len(ms)}")
    m = ms[0]
    raw = m.group("num").replace(",", "")
    dec = len(raw.split(".")[1]) if "." in raw else 0
    scale_word = (m.group("scale") or "").strip()
    if scale_word.lower() in ("trillion", "billion", "million", "thousand"):
        scale_word = scale_word.lower()
    scale = SCALE_MAP[scale_word] if scale_word else 1.0
    v = float(raw) * scale
    st = m.start("sign") if m.group("sign") else -1
    if st >= 0 and not (st > 0 and s[st - 1].isascii() and s[st - 1].isalnum()):  # "K-12" is not minus 12
        v = -v
    half = 0.5 * 10 ** (-dec) * scale
    return v, half, m


def form_of(s: str):
    v, half, m = parse_number(s)
    raw = m.group("num")
    skeleton = s[:m.start()] + "#" + s[m.end():]
    dec = len(raw.split(".")[1]) if "." in raw else 0
    return {"value": v, "half": half, "skeleton": skeleton, "num": raw,
            "sign": m.group("sign") or "", "scale": (m.group("scale") or "").strip(),
            "dec": dec, "comma": "," in raw}


def split_eq(expr: str):
    parts = re.split(r"(?<![<>!=])==?(?!=)", expr)
    if len(parts) != 2:
        raise ValueError(f"arithmetic must contain exactly one '=': {expr!r}")
    return parts[0].strip(), parts[1].strip()


SAFE = {"__builtins__": {}, "sqrt": lambda x: x ** 0.5}


def f_point(lhs, rhs, vals):
    env = dict(SAFE)
    env.update({f"q{i}": v for i, v in enumerate(vals)})
    return eval(lhs, env) - eval(rhs, env)


def holds(lhs, rhs, vals, halves):
    """Sound existence test: corners of the precision box bracket zero."""
    n = len(vals)
    used = [i for i in range(n) if re.search(rf"\bq{i}\b", lhs + " " + rhs)]
    lo, hi = math.inf, -math.inf
    if len(used) <= 14:
        corners = itertools.product((-1, 1), repeat=len(used))
    else:
        rnd = random.Random(0)
        corners = ([rnd.choice((-1, 1)) for _ in used] for _ in range(20000))
    for c in corners:
        v = list(vals)
        for i, s in zip(used, c):
            v[i] = vals[i] + s * halves[i]
        d = f_point(lhs, rhs, v)
        lo, hi = min(lo, d), max(hi, d)
        if lo <= 0 <= hi:
            return True, (lo, hi)
    return lo <= 0 <= hi, (lo, hi)


def interval_diff(lhs, rhs, vals, halves, widen):
    env = dict(SAFE)
    env.update({f"q{i}": Interval(v - widen * h, v + widen * h)
                for i, (v, h) in enumerate(zip(vals, halves))})
    return Interval.of(eval(lhs, env)) - Interval.of(eval(rhs, env))


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


SENT_END = re.compile(r"[。！？!?]|\.(?=\s|$)")


def sent_of(text, pos):
    return len(SENT_END.findall(text[:pos])) + line_of(text, pos) * 10000


def para_of(text, pos):
    return len(re.findall(r"\n\s*\n", text[:pos])) + 1


def check_doc(name: str, verbose: bool, base: Path = HERE):
    errors, notes = [], []
    txt_path, toml_path = base / f"{name}.txt", base / f"{name}.toml"
    text = txt_path.read_text(encoding="utf-8")
    with open(toml_path, "rb") as fh:
        data = tomllib.load(fh)
    rels = data.get("relation", [])
    nlines = len(text.rstrip("\n").split("\n"))
    nchars = len(text)
    if not 20 <= nlines <= 45:
        errors.append(f"{nlines} lines (want 20-45)")
    if not 1000 <= nchars <= 3000:
        errors.append(f"{nchars} characters (want 1000-3000)")
    if not 10 <= len(rels) <= 16:
        errors.append(f"{len(rels)} relations (want 10-16)")
    kinds = Counter()
    spread = Counter()
    spans = {}  # rel id -> list of (start, end)
    parsed = {}
    for k, r in enumerate(rels, 1):
        rid = r.get("id")
        tag = f"{rid}"
        if rid != f"{name}-{k:02d}":
            errors.append(f"{tag}: id should be {name}-{k:02d}")
        if r.get("kind") not in KINDS:
            errors.append(f"{tag}: unknown kind {r.get('kind')!r}")
        kinds[r.get("kind")] += 1
        quotes = r.get("quotes", [])
        sp, vals, halves = [], [], []
        ok = True
        for q in quotes:
            c = text.count(q)
            if c != 1:
                errors.append(f"{tag}: quote {q!r} occurs {c} times")
                ok = False
                continue
            st = text.index(q)
            sp.append((st, st + len(q)))
            try:
                v, h, _ = parse_number(q)
            except ValueError as e:
                errors.append(f"{tag}: {e}")
                ok = False
                continue
            vals.append(v)
            halves.append(h)
        if not ok:
            continue
        spans[rid] = sp
        lines = {line_of(text, s) for s, _ in sp}
        paras = {para_of(text, s) for s, _ in sp}
        sents = {sent_of(text, s) for s, _ in sp}
        spread["multi-paragraph" if len(paras) > 1 else
               "multi-line" if len(lines) > 1 else
               "multi-sentence" if len(sents) > 1 else "same-sentence"] += 1
        try:
            lhs, rhs = split_eq(r["arithmetic"])
            for i in map(int, re.findall(r"\bq(\d+)\b", lhs + rhs)):
                if i >= len(quotes):
                    raise ValueError(f"q{i} out of range")
            ok_h, rng = holds(lhs, rhs, vals, halves)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{tag}: cannot evaluate {r.get('arithmetic')!r}: {e}")
            continue
        if not ok_h:
            pv = f_point(lhs, rhs, vals)
            errors.append(f"{tag}: relation does NOT hold: lhs-rhs at stated values "
                          f"{pv:.6g}, range over precision box {rng[0]:.6g}..{rng[1]:.6g}")
        parsed[rid] = (r, quotes, vals, halves, lhs, rhs)

    # mutations
    for rid, (r, quotes, vals, halves, lhs, rhs) in parsed.items():
        tag = f"{rid} mutation"
        mu = r.get("mutate")
        if not isinstance(mu, dict) or "quote" not in mu or "to" not in mu:
            errors.append(f"{tag}: missing mutate = {{ quote = i, to = '...' }}")
            continue
        qi, to = mu["quote"], mu["to"]
        if not 0 <= qi < len(quotes):
            errors.append(f"{tag}: quote index {qi} out of range")
            continue
        orig = quotes[qi]
        if to == orig:
            errors.append(f"{tag}: 'to' equals the original quote")
            continue
        try:
            fo, fn = form_of(orig), form_of(to)
        except ValueError as e:
            errors.append(f"{tag}: {e}")
            continue
        if fo["skeleton"] != fn["skeleton"] or fo["sign"] != fn["sign"]:
            errors.append(f"{tag}: form changed: {orig!r} -> {to!r}")
        if fo["scale"] == fn["scale"]:
            if fo["num"] == fn["num"]:
                errors.append(f"{tag}: number unchanged")
            if fo["dec"] != fn["dec"]:
                errors.append(f"{tag}: decimal places changed {orig!r} -> {to!r}")
            if fo["value"] >= 1000 and fn["value"] >= 1000 and fo["comma"] != fn["comma"]:
                errors.append(f"{tag}: thousands separator style changed")
        else:
            SCALE_SLIPS.append(rid)
            if fo["num"] != fn["num"]:
                errors.append(f"{tag}: scale slip must keep the digits ({orig!r} -> {to!r})")
        st, en = spans[rid][qi]
        mtext = text[:st] + to + text[en:]
        # the mutated text differs from the original in exactly that quote
        sm = difflib.SequenceMatcher(None, text, mtext, autojunk=False)
        ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
        if not ops or ops[0][1] < st or ops[-1][2] > en:
            errors.append(f"{tag}: text differs outside the quote")
        if mtext.count(to) != 1:
            errors.append(f"{tag}: mutated quote {to!r} occurs {mtext.count(to)} times "
                          "in the mutated text")
        # the relation must break even at twice the rounding tolerance
        nv = list(vals)
        nv[qi] = fn["value"]
        nh = list(halves)
        nh[qi] = fn["half"]
        try:
            d1 = interval_diff(lhs, rhs, nv, nh, 1.0)
            d2 = interval_diff(lhs, rhs, nv, nh, 2.0)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{tag}: cannot evaluate mutated relation: {e}")
            continue
        if 0 in d1:
            errors.append(f"{tag}: mutated relation still holds within rounding "
                          f"(lhs-rhs {d1})")
        elif 0 in d2:
            errors.append(f"{tag}: mutated relation breaks only marginally "
                          f"(lhs-rhs {d1}, at 2x tolerance {d2})")
        # no other relation may be affected
        for oid, osp in spans.items():
            if oid == rid:
                continue
            if oid not in parsed:
                continue
            for (s2, e2), q2 in zip(osp, parsed[oid][1]):
                if s2 < en and st < e2:
                    errors.append(f"{tag}: also touches quote {q2!r} of {oid}")
                elif mtext.count(q2) != 1:
                    errors.append(f"{tag}: quote {q2!r} of {oid} occurs "
                                  f"{mtext.count(q2)} times after mutation")
        if verbose:
            notes.append(f"  {rid:<24} {r['kind']:<12} {orig!r} -> {to!r}  "
                         f"lhs-rhs {d1}")
    return errors, notes, kinds, spread, nlines, nchars, len(rels)


def main():
    verbose = "-v" in sys.argv
    dirs = [a for a in sys.argv[1:] if a != "-v"]
    base = Path(dirs[0]).resolve() if dirs else HERE
    names = sorted(p.stem for p in base.glob("*.txt"))
    all_kinds, all_spread, total_err, total_rel = Counter(), Counter(), 0, 0
    for n in names:
        if not (base / f"{n}.toml").exists():
            print(f"FAIL {n}: no {n}.toml")
            total_err += 1
            continue
        errors, notes, kinds, spread, nl, nc, nr = check_doc(n, verbose, base)
        all_kinds.update(kinds)
        all_spread.update(spread)
        total_rel += nr
        status = "ok  " if not errors else "FAIL"
        print(f"{status} {n}: {nl} lines, {nc} chars, {nr} relations "
              f"({dict(spread)})")
        for e in errors:
            print("     - " + e)
        for t in notes:
            print(t)
        total_err += len(errors)
    print()
    print(f"{len(names)} documents, {total_rel} relations")
    print("by kind:   " + ", ".join(f"{k} {v}" for k, v in sorted(all_kinds.items())))
    print("by spread: " + ", ".join(f"{k} {v}" for k, v in sorted(all_spread.items())))
    print(f"mutations: {total_rel} (scale slips: {len(SCALE_SLIPS)})")
    print("ALL CHECKS PASSED" if total_err == 0 else f"{total_err} PROBLEM(S)")
    return 0 if total_err == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
