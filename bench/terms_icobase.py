"""Token terms on papers the rules were never tuned on: the 209 ICOBase texts against TORD.

    .venv/bin/python bench/terms_icobase.py [--shared DIR] [--limit N] [--show]

`../shared/icobase/texts` holds 209 plain-text white papers with no gold for token terms; the Token
Offerings Research Database (`../shared/outcomes/tord_v4.csv`) has, for many of the same projects,
the ticker (`token`), an ERC20 flag, the sale's USD price (`price_usd`, `pre_ico_price_usd`), the
tokens offered (`token_for_sale`) with the share of the supply they are (`distributed_in_ico`) and
the money raised (`raised_usd`). Matching projects by name gives an independent (noisy: TORD has its
own errors, some projects changed tickers or prices) check of:

- the symbol (TORD ticker) and the standard (ERC20 flag);
- the token price, where the paper's is in US dollars: agreement with `price_usd` within 10%
  (and how many agree with the pre-sale price instead);
- the total supply, where TORD implies one (`token_for_sale / distributed_in_ico`): agreement within 2%;
- the hard cap, where it is in US dollars: consistent when the raise does not exceed it by more than 5%
  (a cap below the raise is most likely a soft cap or a round's cap).

It also counts how often each term and claim is found, and prints the seconds per paper. The two
ICOBase texts that are held papers of the project's split are skipped. `--show` prints, for the texts
without any ICOBase annotation only, each supply / hard cap / price with its quote (to read by eye).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: ICOBase texts that are held papers of ../shared/splits.csv: never run or shown here
HELD_TEXTS = {"gbx", "ip-exchange"}
#: the annotators' columns of labels.csv; a row with all of them empty is free for reading by eye
_ANNOTATION_COLUMNS = ("Platform", "Token utility", "Technicality", "Token distributions", "Use_of_funds", "Lockup",
                       "Vesting", "Risk", "Governance", "team_bio", "team_tech", "team_market", "team_size",
                       "advisor_size", "advisor_tech")
PRICE_TOLERANCE = 0.10
SUPPLY_TOLERANCE = 0.02
RAISE_OVER_CAP = 1.05


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if value > 0 else None


_USD = r"(?:US\$|\$|USD|US\s+dollars?|dollars?)"
_NUMBER = r"\d[\d,]*(?:\.\d+)?"


def usd_price(text: str) -> float | None:
    """A per-token price in US dollars from a price as written ("$0.10", "0.1 USD", "1 NOVA = 0.05 USD",
    "10 cents"); None for a price in another currency or a rate in tokens per dollar."""
    text = text.replace("\u00a0", " ")
    cents = re.search(r"(" + _NUMBER + r")\s*(?:cents?|¢)", text, re.I)
    if cents:
        return float(cents.group(1).replace(",", "")) / 100
    if re.search(r"\b(?:ETH|Ether|BTC|EUR|CHF)\b|€", text, re.I):
        return None
    if re.search(r"(?:tokens?|[A-Z]{2,6})\s*(?:/|per)\s*(?:1\s+)?(?:USD|\$)", text):
        return None  # "100 NOVA / USD": a rate, not a price
    m = re.search(r"(?:US\$|\$|USD)\s*(" + _NUMBER + r")", text) or re.search(r"(" + _NUMBER + r")\s*" + _USD, text, re.I)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    return value if value > 0 else None


def usd_amount(text: str) -> float | None:
    """A cap in US dollars ("$20 million", "USD 15,000,000", "20M USD"); None in another currency."""
    if re.search(r"\b(?:ETH|Ether|BTC|EUR|CHF|tokens?)\b|€", text, re.I) or not re.search(_USD, text, re.I):
        return None
    from ico_lens.paper.tokenomics.evidence import find_quantities

    amounts = [q.value for q in find_quantities(text)]
    return float(max(amounts)) if amounts else None


def _agrees(value: float, reference: float, tolerance: float) -> bool:
    return abs(value - reference) <= tolerance * reference


class _Tally:
    """Found / comparable / agreeing counts of one term against TORD."""

    def __init__(self) -> None:
        self.found = self.compared = self.agree = self.other = 0

    def line(self, name: str, other_name: str = "") -> str:
        share = f"{self.agree / self.compared:.3f}" if self.compared else "n/a"
        extra = f", {other_name} {self.other}" if other_name else ""
        return f"{name}: found in {self.found} matched papers, comparable {self.compared}, agree {self.agree} ({share}){extra}"


def _free_slugs(labels: list[dict]) -> set[str]:
    return {r["slug"] for r in labels if all(not (r.get(c) or "").strip() for c in _ANNOTATION_COLUMNS)} - HELD_TEXTS


def _quote(term) -> str:
    return str(term.evidence[0]) if term and term.evidence else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    parser.add_argument("--show", action="store_true",
                        help="print each supply / hard cap / price with its quote (unannotated texts only)")
    args = parser.parse_args(argv)
    texts = args.shared / "icobase" / "texts"
    tord_csv = args.shared / "outcomes" / "tord_v4.csv"
    if not texts.is_dir() or not tord_csv.exists():
        print(f"skipped: real data not found under {args.shared} (icobase/texts, outcomes/tord_v4.csv)")
        return 0

    from ico_lens.paper.ingest import open_document
    from ico_lens.paper.tokenomics.claims import detect_claims
    from ico_lens.paper.tokenomics.terms import extract_terms

    labels = list(csv.DictReader(open(args.shared / "icobase" / "labels.csv", encoding="utf-8")))
    names = {r["slug"]: r["Name"] for r in labels}
    free = _free_slugs(labels)
    tord: dict[str, list[dict]] = {}
    for row in csv.DictReader(open(tord_csv, encoding="utf-8-sig")):
        tord.setdefault(_norm(row["name"]), []).append(row)

    files = [p for p in sorted(texts.glob("*.txt")) if p.stem not in HELD_TEXTS][: args.limit or None]
    found: dict[str, int] = {}
    matched = correct = missing = 0
    wrong: list[str] = []
    std_total = std_agree = 0
    price, supply, cap = _Tally(), _Tally(), _Tally()
    shown: list[str] = []
    started = time.perf_counter()
    for path in files:
        document = open_document(path, isolate=False)
        terms = extract_terms(document)
        claims = detect_claims(document, terms)
        for name in ("symbol", "standard", "total_supply", "token_price", "hard_cap"):
            if terms.value(name) is not None:
                found[name] = found.get(name, 0) + 1
        for name in claims:
            found[f"claims.{name}"] = found.get(f"claims.{name}", 0) + 1
        rows = tord.get(_norm(names.get(path.stem) or path.stem)) or tord.get(_norm(path.stem)) or []
        # the hard cap and price the paper's facts report are the claims' (the term, checked and completed)
        stated = {"total_supply": terms.total_supply, "hard_cap": claims.get("hard_cap"), "token_price": claims.get("token_price")}
        if args.show and path.stem in free:
            for name, term in stated.items():
                if term is not None:
                    shown.append(f"{path.stem}  {name} = {term.value}  {_quote(term)[:160]}")
        if rows:
            disagreements = _compare_money_and_supply(rows, stated, price, supply, cap)
            if args.show and path.stem in free:
                shown += [f"{path.stem}  TORD differs: {d}" for d in disagreements]
        if not rows:
            continue
        tickers = {r["token"].strip().upper() for r in rows if r["token"].strip()}
        flags = {r["ERC20"] for r in rows if r["ERC20"] in ("0", "1")}
        if flags and terms.value("standard") is not None:
            std_total += 1
            std_agree += ("1" in flags) == (terms.value("standard") in ("ERC20", "ERC223"))
        if not tickers:
            continue
        matched += 1
        symbol = terms.value("symbol")
        if symbol is None:
            missing += 1
        elif any(symbol.upper() == t or symbol.upper() in re.split(r"[\s/]+", t) for t in tickers):
            correct += 1
        elif path.stem in free:
            wrong.append(f"{path.stem}: {symbol} (TORD {', '.join(sorted(tickers))})")
        else:
            wrong.append("")  # counted; an annotated text is not shown one by one
    seconds = time.perf_counter() - started

    print(f"papers: {len(files)}  ({seconds / max(1, len(files)):.2f} s per paper for ingest + terms + claims)")
    print("found in papers: " + ", ".join(f"{k} {v}" for k, v in sorted(found.items())))
    extracted = correct + len(wrong)
    if matched:
        print(f"symbol vs TORD ticker ({matched} projects matched by name): precision {correct / max(1, extracted):.3f} "
              f"({correct}/{extracted}), recall {correct / matched:.3f}, not found {missing}")
    if std_total:
        print(f"standard vs TORD ERC20 flag: agreement {std_agree / std_total:.3f} ({std_agree}/{std_total})")
    print(price.line("token_price (USD) vs TORD price_usd within 10%", "equal to the pre-sale price instead"))
    print(supply.line("total_supply vs TORD token_for_sale / distributed_in_ico within 2%"))
    print(cap.line("hard_cap (USD) vs TORD raised_usd: raise <= 1.05 x cap"))
    for line in wrong:
        if line:
            print(f"  differs: {line}")
    for line in shown:
        print(f"  {line}")
    return 0


def _compare_money_and_supply(rows: list[dict], stated: dict, price: _Tally, supply: _Tally, cap: _Tally) -> list[str]:
    """Count the price, supply and hard cap of one paper against its TORD rows (any row may agree); return
    the disagreements as text."""
    differs = []
    if stated["token_price"] is not None:
        price.found += 1
        paper_price = usd_price(str(stated["token_price"].value))
        references = [p for p in (_float(r["price_usd"]) for r in rows) if p]
        if paper_price and references:
            price.compared += 1
            if any(_agrees(paper_price, p, PRICE_TOLERANCE) for p in references):
                price.agree += 1
            else:
                price.other += any(_agrees(paper_price, p, PRICE_TOLERANCE)
                                   for p in (_float(r["pre_ico_price_usd"]) for r in rows) if p)
                differs.append(f"price {paper_price} vs {sorted(set(references))}")
    if stated["total_supply"] is not None:
        supply.found += 1
        implied = [s / d for s, d in ((_float(r["token_for_sale"]), _float(r["distributed_in_ico"])) for r in rows)
                   if s and d and d <= 1]
        if implied:
            supply.compared += 1
            if any(_agrees(float(stated["total_supply"].value), v, SUPPLY_TOLERANCE) for v in implied):
                supply.agree += 1
            else:
                differs.append(f"supply {stated['total_supply'].value} vs implied {sorted({round(v) for v in implied})}")
    if stated["hard_cap"] is not None:
        cap.found += 1
        paper_cap = usd_amount(str(stated["hard_cap"].value))
        raised = [r for r in (_float(r["raised_usd"]) for r in rows) if r]
        if paper_cap and raised:
            cap.compared += 1
            if all(r <= RAISE_OVER_CAP * paper_cap for r in raised):
                cap.agree += 1
            else:
                differs.append(f"hard cap {paper_cap} below raised {sorted(set(raised))}")
    return differs


if __name__ == "__main__":
    sys.exit(main())
