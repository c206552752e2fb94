#!/usr/bin/env python3
# Copied from the evaluation kit (shared/eval/score.py) so that the Python tests
# score the outline as the project scores it, without the kit at run time.
"""Score an outline prediction against a gold file (format: shared/corpus/ANNOTATION.md).

Prediction: either a TSV with header `line doc role depth parent [family ordinal]`
(lines not listed count as body), or the project's JSON (`outline --json`), which
is converted by walking nodes that carry "kind" and "span".

usage: score.py TEXT GOLD PRED [--json] [--quiet]
prints one summary line last: headingF1=.. parentAcc=.. docF1=.. roleAcc=..
"""
import json
import sys
from collections import Counter

ROLES = {"front", "title", "salutation", "meta", "heading", "body", "closing", "signoff", "noise"}


def read_tsv(path):
    """Rows of a gold or predicted outline TSV, keyed by their `line`."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for raw in f:
            raw = raw.rstrip("\n")
            if not raw:
                continue
            c = dict(zip(header, raw.split("\t")))
            rows[int(c["line"])] = c
    return rows


# ---- JSON conversion -------------------------------------------------------

KIND_TO_ROLE = {
    "front": "front", "front_matter": "front", "preamble": "front",
    "title": "title",
    "salutation": "salutation", "addressee": "salutation",
    "meta": "meta", "field": "meta", "meta_field": "meta",
    "heading": "heading", "item": "heading", "section": "heading",
    "paragraph": "body", "body": "body", "text": "body",
    "closing": "closing",
    "signoff": "signoff", "signature": "signoff",
    "noise": "noise", "debris": "noise",
}


def span_of(node):
    s = node.get("span")
    if isinstance(s, dict):
        return s.get("start"), s.get("end")
    if isinstance(s, list) and len(s) == 2:
        return s[0], s[1]
    return None, None


def convert_json(text_bytes, data):
    line_starts = [0]
    for i, b in enumerate(text_bytes):
        if b == 0x0A:
            line_starts.append(i + 1)
    import bisect

    def line_of(off):
        return bisect.bisect_right(line_starts, off)  # 1-based

    rows = {}

    def walk(node, doc, parent_heading_line, depth):
        if isinstance(node, list):
            for x in node:
                walk(x, doc, parent_heading_line, depth)
            return
        if not isinstance(node, dict):
            return
        kind = node.get("kind")
        start, end = span_of(node)
        next_parent, next_depth = parent_heading_line, depth
        if isinstance(kind, str) and start is not None:
            k = kind.lower()
            if k in ("document", "speech", "doc"):
                doc = doc_counter[0] = doc_counter[0] + 1
                next_parent, next_depth = 0, 0
            else:
                role = KIND_TO_ROLE.get(k)
                first = line_of(start)
                last = line_of(max(start, end - 1)) if end is not None else first
                if role == "heading":
                    fam = node.get("family") or (node.get("marker") or {}).get("family")
                    ordv = node.get("ordinal") or (node.get("marker") or {}).get("ordinal")
                    rows[first] = {"line": first, "doc": doc, "role": "heading",
                                   "depth": depth + 1, "parent": parent_heading_line,
                                   "family": fam, "ordinal": ordv}
                    next_parent, next_depth = first, depth + 1
                elif role is not None:  # deeper nodes override, but never a heading's own line
                    for ln in range(first, last + 1):
                        if rows.get(ln, {}).get("role") != "heading":
                            rows[ln] = {"line": ln, "doc": doc, "role": role,
                                        "depth": 0, "parent": "-"}
        for key, val in node.items():
            if key in ("span", "kind"):
                continue
            if isinstance(val, (dict, list)):
                walk(val, doc, next_parent, next_depth)

    doc_counter = [0]
    walk(data, 0, 0, 0)
    return rows


# ---- scoring ----------------------------------------------------------------

def f1(p, r):
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def score(text_path, gold_path, pred, quiet=False):
    gold = read_tsv(gold_path)
    lines = open(text_path, encoding="utf-8").read().split("\n")
    role_ok = 0
    conf = Counter()
    for ln, g in gold.items():
        pr = pred.get(ln, {}).get("role", "body")
        conf[(g["role"], pr)] += 1
        role_ok += (pr == g["role"])
    gh = {ln for ln, g in gold.items() if g["role"] == "heading"}
    ph = {ln for ln, p in pred.items() if p.get("role") == "heading" and ln in gold}
    tp = len(gh & ph)
    prec = tp / len(ph) if ph else 0.0
    rec = tp / len(gh) if gh else 0.0
    # nesting: share of unflagged gold headings found with the right parent (missed = wrong)
    nest_total = nest_ok = 0
    misparented = []
    for ln in sorted(gh):
        g = gold[ln]
        if g.get("flag", "-") == "?":
            continue
        nest_total += 1
        if ln not in ph:
            continue
        gp = int(g["parent"])
        pp = pred[ln].get("parent")
        try:
            pp = int(pp)
        except (TypeError, ValueError):
            pp = -1
        if gp == pp:
            nest_ok += 1
        else:
            misparented.append((ln, gp, pp))
    # document boundaries: first line of every doc
    def starts(rows):
        seen, out = set(), set()
        for ln in sorted(rows):
            d = str(rows[ln].get("doc", "0"))
            if d in ("0", "-", "None"):
                continue
            if d not in seen:
                seen.add(d)
                out.add(ln)
        return out
    gs, ps = starts(gold), starts({ln: r for ln, r in pred.items() if ln in gold})
    dtp = len(gs & ps)
    dprec = dtp / len(ps) if ps else 0.0
    drec = dtp / len(gs) if gs else 0.0
    heading_f1 = f1(prec, rec)
    parent_acc = nest_ok / nest_total if nest_total else 0.0
    doc_f1 = f1(dprec, drec)
    role_acc = role_ok / len(gold) if gold else 0.0
    if not quiet:
        print(f"lines={len(gold)} gold_headings={len(gh)} pred_headings={len(ph)} tp={tp}")
        print(f"heading P={prec:.3f} R={rec:.3f}")
        print(f"docs gold={len(gs)} pred={len(ps)} P={dprec:.3f} R={drec:.3f}")
        roles = sorted(ROLES)
        print("role confusion (gold -> pred, off-diagonal):")
        for (g, p), n in sorted(conf.items(), key=lambda x: -x[1]):
            if g != p:
                print(f"  {g:>10} -> {p:<10} {n}")
        for ln, gp, pp in misparented[:15]:
            print(f"  misparented L{ln}: gold parent {gp}, pred {pp}: {lines[ln-1][:30]}")
        missed = sorted(gh - ph)[:10]
        for ln in missed:
            print(f"  missed heading L{ln}: {lines[ln-1][:30]}")
        extra = sorted(ph - gh)[:10]
        for ln in extra:
            print(f"  extra heading L{ln} (gold {gold[ln]['role']}): {lines[ln-1][:30]}")
    if not quiet or quiet != "silent":
        print(f"headingF1={heading_f1:.3f} parentAcc={parent_acc:.3f} docF1={doc_f1:.3f} roleAcc={role_acc:.3f}")
    return {"gold_h": len(gh), "pred_h": len(ph), "tp_h": tp, "nest_total": nest_total, "nest_ok": nest_ok,
            "gold_d": len(gs), "pred_d": len(ps), "tp_d": dtp, "lines": len(gold), "role_ok": role_ok}


def pooled(counts):
    """Micro-average a list of score() results: one figure over many files."""
    t = Counter()
    for c in counts:
        t.update(c)
    hp = t["tp_h"] / t["pred_h"] if t["pred_h"] else 0.0
    hr = t["tp_h"] / t["gold_h"] if t["gold_h"] else 0.0
    dp = t["tp_d"] / t["pred_d"] if t["pred_d"] else 0.0
    dr = t["tp_d"] / t["gold_d"] if t["gold_d"] else 0.0
    return {"headingF1": f1(hp, hr), "parentAcc": t["nest_ok"] / t["nest_total"] if t["nest_total"] else 0.0,
            "docF1": f1(dp, dr), "roleAcc": t["role_ok"] / t["lines"] if t["lines"] else 0.0}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    text, gold, pred_path = args
    if "--json" in flags or pred_path.endswith(".json"):
        data = json.load(open(pred_path, encoding="utf-8"))
        pred = convert_json(open(text, "rb").read(), data)
    else:
        pred = read_tsv(pred_path)
    score(text, gold, pred, quiet="--quiet" in flags)


if __name__ == "__main__":
    main()
