"""Entries from the text lines of a page: rows, leads, prose, inline lists, row heads, label and
number on separate lines, and amounts-only lines."""

from __future__ import annotations

import re

from ico_lens.paper.ingest import LONE_PERCENT_RE
from ico_lens.paper.records import Page
from ico_lens.paper.tokenomics.breakdown.entry import Entry, LinePos
from ico_lens.paper.tokenomics.breakdown.labels import (
    BASE_OF_RE,
    BONUS_RE,
    CHANGE_RE,
    EACH_RE,
    RATE_RE,
    RELEASE_RE,
    NOT_A_DATE_DOT,
    SENTENCE_END_RE,
    TOTAL_LABEL_RE,
    VESTING_RE,
    clean_label,
    has_letters,
    is_empty_label,
    label_strip_amounts,
    section_heading,
)
from ico_lens.paper.tokenomics.breakdown.lines import BULLET_RE
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, UNIT_REACH, amounts_in, parse_percent, unit_of_header

#: where a clause ends in running text ("... 15% to the team. The rest ..."), and where a label ends
#: ("Advisors, locked for 6 months"): not at the dot of a month's abbreviation before a day
_CLAUSE_END_RE = re.compile(r"(?<=[a-z0-9)])[.;]" + NOT_A_DATE_DOT + r"\s+")
_LABEL_END_RE = re.compile(r"[,;.]" + NOT_A_DATE_DOT + r"(?=\s|$)")


def entries_from_lines(page: Page, lines: list[str]) -> list[Entry]:
    """Entries from the text lines of one page (rows, leads and prose)."""
    entries: list[Entry] = []
    n = len(lines)
    for i, raw in enumerate(lines):
        line = raw
        matches = []
        for m in PCT_RE.finditer(line):
            # "15% of the remaining 30%": 30% is the base of the share before it, not a share
            if matches and BASE_OF_RE.search(line[matches[-1].end() : m.start()]) and m.start() - matches[-1].end() < 40:
                continue
            matches.append(m)
        if not matches:
            continue
        inline = _inline_list_labels(line, matches)
        for k, m in enumerate(matches):
            value = parse_percent(m.group("num"))
            prev_end = matches[k - 1].end() if k else 0
            next_start = matches[k + 1].start() if k + 1 < len(matches) else len(line)
            before = line[prev_end : m.start()]
            after = line[m.end() : next_start]
            flags: set[str] = set()
            if value <= 0 or value > 100:
                continue
            before_clean = clean_label(label_strip_amounts(BULLET_RE.sub("", before)))
            after_clean = clean_label(label_strip_amounts(after))
            lead_text = re.sub(r"^(?:up\s+to|about|approx\.?|approximately|~|≈|max(?:imum)?\s+of)\s*", "",
                               label_strip_amounts(BULLET_RE.sub("", before)).strip(" ([-–:"), flags=re.I)
            context_lines = [line]
            in_parens = line[max(0, m.start() - 2) : m.start()].strip().endswith("(") and \
                line[m.end() : m.end() + 2].strip().startswith(")")
            last_clause = _CLAUSE_END_RE.split(before)[-1]
            shape = "row"
            line_count = 1
            label_after = has_letters(before_clean) and has_letters(after_clean) and _LABEL_AFTER_RE.match(after)
            paren_after = re.fullmatch(r"\s*\(([^()]{2,80})\)\s*[.;,]?\s*", after)
            if inline is not None:
                # "Distribution: 60% crowdsale, 20% team, 10% advisors and 10% bounty."
                shape = "prose"
                label = clean_label(label_strip_amounts(inline[k]))
                context_lines = [inline[k]]
            elif paren_after and has_letters(before_clean):
                # "Team 15% (vested over 24 months)"
                shape = "row"
                label = f"{before_clean} ({paren_after.group(1).strip()})"
            elif k == 0 and _row_head(before) and (not _row_head(before)[:1].islower() or BULLET_RE.match(line) or i == 0
                                                    or re.search(r"[.;:%)]\s*$", lines[i - 1]) or PCT_RE.search(lines[i - 1])):
                # (a name in lower case only where the line above ended or held the share before: else it
                # continues that line)
                # "- Presale 10% - 10 Million tokens will be sold ...", "Reserve Fund: 19%, which is locked
                # ...": a short name starts the line, the words after the share describe it
                shape = "row"
                label = _row_head(before)
                line_count = _description_lines(lines, i)
            elif (not has_letters(lead_text, 1) and has_letters(after_clean)) or label_after:
                # "15% - Label" / "• 40% of the tokens will be ..." / "... the final 15% of tokens will be
                # used by ...": the label is after the number, maybe over more lines
                is_lead = not has_letters(lead_text, 1)
                shape = "lead" if is_lead else "prose"
                label_after = label_after and not is_lead
                label_text = after
                j = i
                while (
                    k + 1 == len(matches)
                    and j + 1 < n
                    and not SENTENCE_END_RE.search(label_text.rstrip()[-2:] or ".")
                    and not BULLET_RE.match(lines[j + 1])
                    and len(label_text) < 300
                    and (not lines[j + 1][:1].isupper() or _UNFINISHED_RE.search(label_text)
                         or _wrapped_name(label_text, lines[j + 1]))
                    and not _SECTION_HEADING_RE.match(lines[j + 1])
                ):
                    if PCT_RE.search(lines[j + 1]):
                        # the sentence ends on a line that holds the next share: take the words up to
                        # the sentence end when they hold no number
                        head = _first_sentence(lines[j + 1])
                        if PCT_RE.search(head) and label_after:
                            # "A further 15% is kept by" / "the company as a reserve, and the remaining 60% is
                            # offered ...": the clause up to the conjunction before the next share
                            head = re.split(r",\s|;\s|\s(?:and|while|whereas)\s", lines[j + 1], maxsplit=1)[0]
                        if head != lines[j + 1] and not PCT_RE.search(head):
                            label_text += " " + head
                        break
                    j += 1
                    label_text += " " + lines[j]
                    context_lines.append(lines[j])
                line_count = j - i + 1
                if label_after:
                    # "60% (30.000.000 KEL) will be sold publicly": the brackets right after the share hold its
                    # amount, not the end of the label's clause
                    label_text = re.sub(r"^\s*\([^)]{0,30}\)\s*", " ", label_text)
                label_text = _first_clause(label_text) if label_after else _first_sentence(label_text)
                label = clean_label(label_strip_amounts(label_text))
                subject = recipient_before(_CLAUSE_END_RE.split(before)[-1].lstrip(" ,")) if label_after else None
                if subject:
                    # "The team will receive 20% of the tokens, locked ...": the subject is the recipient
                    label = f"{subject} ({label})"
            elif (has_letters(before_clean) and not has_letters(after_clean) and _OF_WHICH_END_RE.search(before)
                  and k + 1 == len(matches) and i + 1 < n and _named_on_next_line(lines[i + 1])):
                # "... during the crowdsale, of which 64% (40.000.000" / "XYZ) will be sold publicly.": the share's
                # name wraps onto the next line, after the end of its brackets
                shape = "prose"
                label_after = True
                label = clean_label(label_strip_amounts(_named_on_next_line(lines[i + 1])))
                context_lines.append(lines[i + 1])
            elif has_letters(before_clean) and not has_letters(after_clean):
                shape = "row"
                label = before_clean
                if k == 0 and not BULLET_RE.match(line):
                    label = _wrapped_row_label(lines, i, label)
            elif in_parens and has_letters(clean_label(label_strip_amounts(last_clause))):
                # "Team: 150,000,000 (15%), locked for 24 months": the label is before the brackets,
                # maybe begun on the line above ("... (20%). Community grants for / agents: 70,000,000 (7%)")
                shape = "row"
                if last_clause == before and not prev_end and i > 0 and not SENTENCE_END_RE.search(lines[i - 1][-2:]):
                    tail = _CLAUSE_END_RE.split(lines[i - 1])[-1]
                    if not PCT_RE.search(tail) and len(tail) < 60:
                        last_clause = tail + " " + last_clause
                label = clean_label(label_strip_amounts(last_clause))
            elif has_letters(before_clean) and has_letters(after_clean):
                shape = "prose"
                label = clean_label(label_strip_amounts(_clause(line, m, prev_end, next_start, lines, i)))
            else:
                continue  # a number alone: legends are paired by layout
            if not label:
                continue
            # the token amount stated with this share, from the share's own clause
            near = after if shape == "lead" or (shape == "prose" and label_after) else last_clause
            if shape == "row" and not in_parens:
                near = before
            amount = next((v for v, _, _, is_money in amounts_in(_first_sentence(near) if near is after else near)
                           if not is_money), None)
            if amount is None and in_parens:
                amount = next((v for v, _, _, is_money in amounts_in(last_clause) if not is_money), None)
            context = " ".join(context_lines)
            if TOTAL_LABEL_RE.search(label) or value == 100:
                flags.add("total")
            if in_parens:
                flags.add("paren")
            if is_empty_label(label):
                flags.add("empty")
            if _EXAMPLE_RE.search(_sentence_before(lines, i, m.start())):
                flags.add("example")
            if RELEASE_RE.search(label):
                flags.add("release")
            if BONUS_RE.search(label):
                flags.add("bonus")
            if VESTING_RE.search(label):
                flags.add("vesting")
            if RATE_RE.search(before[-30:] + " " + label) or re.search(r"\b(?:growth|increase|decrease)\W*$", before[-30:], re.I) \
                    or CHANGE_RE.match(after):
                flags.add("rate")
            if EACH_RE.search(after[:12]) or re.search(r"\beach\b", label[:20], re.I):
                flags.add("each")
            entries.append(
                Entry(page.number, LinePos(page.number, i), label, context, value, amount, "text", flags, shape, line_count)
            )
    return entries


# "For example, if three traders pay ... they will receive 50%, 20% and 30%": a worked example's shares
_EXAMPLE_RE = re.compile(r"\b(?:for\s+(?:example|instance)|e\.\s?g\.|as\s+an\s+example|suppose|imagine|let'?s\s+say)\b", re.I)


def _sentence_before(lines: list[str], i: int, position: int) -> str:
    """The sentence that holds the character ``position`` of line ``i``, up to that position: it may
    start up to three lines above."""
    text = lines[i][:position]
    for k in range(i - 1, max(-1, i - 4), -1):
        if SENTENCE_END_RE.search(text):
            break
        text = lines[k] + " " + text
    parts = SENTENCE_END_RE.split(text)
    return parts[-1] if parts else text


# "Team: 25% ...", and in lower case when a colon ends the name ("founders: 25% of all tokens")
_ROW_HEAD_RE = re.compile(r"^(?:(?-i:[A-Z])[\w&/'’.()\- ]{1,48}?[\s:=\-–—]*|(?-i:[a-z])[\w&/'’.()\- ]{1,48}?\s*:\s*)$")
#: words that make the text before a share a sentence or a heading, not a recipient's name
_NOT_A_NAME_RE = re.compile(
    r"\b(?:will|shall|is|are|be|was|were|which|remaining|rest|another|additional|further|final|approx\w*|about|"
    r"up|only|with|by|from|than|total|allocation|distribution|breakdown|split|supply|bonus|discount|cap|price)\b"
    r"|\b(?:of|and|to|the|a|an)\s*[:=\-–—]?\s*$", re.I)


def _description_lines(lines: list[str], i: int, limit: int = 6) -> int:
    """Lines of the description that starts on line ``i``: up to the next bullet, share or section heading
    (a "Use of proceeds" under "Reserve 20%" starts the next breakdown, it does not describe the reserve)."""
    j = i
    while (j + 1 < len(lines) and j - i < limit and not BULLET_RE.match(lines[j + 1]) and not PCT_RE.search(lines[j + 1])
           and not section_heading(lines[j + 1])):
        j += 1
    return j - i + 1


def _row_head(before: str) -> str | None:
    """The recipient's name that starts a line before its share, or None."""
    text = BULLET_RE.sub("", before).strip()
    if not _ROW_HEAD_RE.match(text) or len(text.split()) > 6 or _NOT_A_NAME_RE.search(text) or re.search(r"\d", text):
        return None
    return clean_label(text) or None


_INLINE_AFTER_GAP = re.compile(r"\s*([^%]{2,80}?)\s*(?:,|;|\band\b|&|\bplus\b)\s*(?:and\s+)?")
_INLINE_BEFORE_GAP = re.compile(r"\s*(?:,|;|\band\b|&)\s*([^%,;]{2,60}?)[\s:=\-–—]*")


# a short name set as a legend entry: one to four words, each capitalised or a connector ("Team & Advisors")
_COLUMN_NAME_RE = re.compile(r"\s*[-–—:]?\s*(?-i:[A-Z])[\w'’\-]*(?:\s+(?:&|and|of|for|/|(?-i:[A-Z])[\w'’\-]*)){0,3}\s*")


def _inline_list_labels(line: str, matches: list[re.Match]) -> list[str] | None:
    """Labels of a list written on one line, or None when the line is not one:
    "60% crowdsale, 20% team and 20% reserve" (labels after) or "Team 20%, advisors 10% and sale 70%"
    (labels before)."""
    if len(matches) < 2:
        return None
    gaps = [line[a.end() : b.start()] for a, b in zip(matches, matches[1:])]
    respectively = _respective_names(line[matches[-1].end():], gaps)
    if respectively is not None and len(respectively) == len(matches):
        return respectively
    if all(_INLINE_AFTER_GAP.fullmatch(g) for g in gaps):
        labels = [_INLINE_AFTER_GAP.fullmatch(g).group(1) for g in gaps]
        tail = re.split(r"[,;.]\s|[.;]$|\s\(", line[matches[-1].end() :] + " ", maxsplit=1)[0]
        if has_letters(tail) and all(has_letters(label) for label in labels):
            return labels + [tail]
    if not has_letters(line[: matches[0].start()], 1) and all(_COLUMN_NAME_RE.fullmatch(g) for g in gaps) \
            and _COLUMN_NAME_RE.fullmatch(line[matches[-1].end():]):
        # "60% Crowdsale 15% Team": two legend columns flattened into one line, each name after its share
        return gaps + [line[matches[-1].end():]]
    if all(_INLINE_BEFORE_GAP.fullmatch(g) for g in gaps):
        head = re.split(r"[:.;]\s", line[: matches[0].start()])[-1]
        labels = [head] + [_INLINE_BEFORE_GAP.fullmatch(g).group(1) for g in gaps]
        # "receive 20%, which vests over 24 months. Advisors will be allocated 5%, and ...": a label that
        # holds the end of a sentence is running prose, not an item of a list written on one line
        if any(SENTENCE_END_RE.search(label.rstrip(" .;")) for label in labels):
            return None
        if all(has_letters(label) for label in labels) and len(head) <= 60:
            return labels
    return None


# "40%, 30% and 30% to the company, the partner and the token sale backers, respectively": the shares
# listed one after the other, then their holders in the same order
_SHARES_ONLY_GAP = re.compile(r"\s*(?:,|;|/)?\s*(?:and\s+|&\s*)?")
_RESPECTIVELY_RE = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?(?:\w+\s+)?(?:tokens|supply)\s+)?(?:(?:will\s+)?(?:go|goes|be\s+\w+)\s+)?"
    r"(?:to|for|between)\s+(?P<names>[^%]{5,200}?),?\s+respectively\b", re.I)
_NAME_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*", re.I)


def _respective_names(tail: str, gaps: list[str]) -> list[str] | None:
    """The holders named after a run of bare shares with "respectively" (see ``_RESPECTIVELY_RE``), in
    order, or None when the line is not written so."""
    if not all(_SHARES_ONLY_GAP.fullmatch(g) for g in gaps):
        return None
    m = _RESPECTIVELY_RE.match(tail)
    if m is None:
        return None
    names = [n.strip() for n in _NAME_SPLIT_RE.split(m.group("names")) if n.strip()]
    return names if all(has_letters(n) for n in names) else None


_LABEL_AFTER_RE = re.compile(
    r"^\s*(?:\([^)]{0,30}\)\s*)?(?:[-–—:]|for\b|to\b|will\b|shall\b|goes\b|go\b|is\b|are\b|allocated\b|reserved\b|"
    r"dedicated\b|of\s+(?:the\s+)?(?:all\s+|total\s+)?(?:\w+\s+)?(?:tokens|supply|emission)\b)",
    re.I,
)


# "7.2 Market Maker Reward Program": a numbered heading ends the label before it
_SECTION_HEADING_RE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]")
# a label cut at a line end that cannot be its end ("... allocated to OEM's, Operating System implementation,")
_UNFINISHED_RE = re.compile(r"(?:[,;&/\-–]|\b(?:and|or|of|to|the|for|with|in|a|an|by|from|as))\s*$", re.I)


_CONNECTOR_END_RE = re.compile(r"(?:[,&/\-–]|\b(?:and|or|of|for|to|the|with|in))\s*$", re.I)


def _wrapped_row_label(lines: list[str], i: int, label: str) -> str:
    """A row label begun on the line above ("Founding team and early" / "contributors 20%", "Community
    rewards" / "and airdrops 30%"): the line above holds no number and the label continues it (it
    ends with a connector or the label starts in lower case)."""
    if i == 0:
        return label
    above = lines[i - 1].strip()
    if not above or len(above) > 60 or PCT_RE.search(above) or amounts_in(above) or SENTENCE_END_RE.search(above) \
            or above.endswith(":") or not has_letters(above):
        return label
    if _CONNECTOR_END_RE.search(above) or label[:1].islower():
        return clean_label(BULLET_RE.sub("", above)) + " " + label
    return label


def _wrapped_name(label: str, next_line: str) -> bool:
    """A short name cut over two lines of a narrow cell ("800 (24%) Private & Public" / "Crowdfunding"):
    both parts a few words, no sentence, no number."""
    name = clean_label(label_strip_amounts(label))
    return (0 < len(name.split()) <= 3 and len(next_line.split()) <= 2 and not re.search(r"\d|[.:;!?]", next_line)
            and not SENTENCE_END_RE.search(name))


def _first_clause(text: str) -> str:
    m = re.search(r"[;:.)]" + NOT_A_DATE_DOT + r"(?=\s|$)|,\s+(?:while|and\s+\d|plus)\b|\bplus\b", text)
    return text[: m.start()] if m else text


def _first_sentence(text: str) -> str:
    m = SENTENCE_END_RE.search(text)
    return text[: m.start()] if m else text


_DANGLING_OF_RE = re.compile(r"\s*(?:of|of\s+the|of\s+all|of\s+our)\s*", re.I)


def _named_on_next_line(line: str) -> str | None:
    """The name of a share that wrapped onto ``line`` inside its brackets ("XYZ) will be sold publicly."):
    the first clause after the closing bracket, when it reads as a label after a share ("will be ...",
    "to ...", "for ..."); else None."""
    m = re.match(r"^[^()%]{0,30}\)\s*", line)
    if not m:
        return None
    rest = line[m.end():]
    if PCT_RE.search(_first_clause(rest)) or not _LABEL_AFTER_RE.match(rest):
        return None
    text = _first_clause(rest).strip()
    return text if has_letters(text) else None


_OF_WHICH_END_RE = re.compile(r"(?:,|\b)\s*(?:of\s+which|of\s+these|of\s+this|thereof)\s*$", re.I)


def _clause(line: str, m: re.Match, prev_end: int, next_start: int, lines: list[str], i: int) -> str:
    """The clause of a prose sentence that holds the percentage at ``m``."""
    start = prev_end
    for sep in (";", ". ", ": "):
        pos = line.rfind(sep, start, m.start())
        if pos >= 0:
            start = pos + len(sep)
    end = next_start
    for sep in (";", ". ", "."):
        pos = line.find(sep, m.end(), end)
        if pos >= 0:
            end = min(end, pos)
    if prev_end:
        # "40% ... in the crowdsale and a further 10% were sold ...": the second share's clause starts
        # at the conjunction that joins it to the first one, not at the first share
        joins = list(re.finditer(r",\s+|\s+(?:and|while|whereas)\s+", line[start : m.start()]))
        if joins:
            start += joins[-1].end()
    # "A total of N XYZ will be created during the crowdsale, of which 64% (N XYZ) will be sold publicly": the
    # share is named by what follows it; the words before "of which" name the whole it is a part of
    if _OF_WHICH_END_RE.search(line[start:m.start()]) and has_letters(line[m.end():end]):
        start = m.start()
    text = line[start:end]
    # "... development. 67% of" / "tokens will be distributed to ...": a share that ends its line with
    # only "of" after it is named on the next line, up to that line's first clause break
    if end >= len(line.rstrip()) and _DANGLING_OF_RE.fullmatch(line[m.end():end]) and i + 1 < len(lines):
        following = re.split(r",\s|;|\.\s|\.$|\s(?:while|whereas)\s", lines[i + 1])[0]
        following = PCT_RE.split(following)[0]
        if has_letters(following):
            text = text.rstrip() + " " + following
    # a clause that starts the line may continue the previous line's sentence
    if start == 0 and i > 0 and not SENTENCE_END_RE.search(lines[i - 1][-2:]) and len(text) < 60:
        text = lines[i - 1].split(". ")[-1] + " " + text
    return text


def _numbers_only(line: str) -> bool:
    """A line with one percentage, maybe a token amount, and no words: "165,000,000 11%", "20%"."""
    if len(PCT_RE.findall(line)) != 1:
        return False
    rest = label_strip_amounts(PCT_RE.sub(" ", line))
    rest = re.sub(r"\b[A-Z]{2,6}\b", " ", rest)  # a token symbol: "94,800,000 RKT"
    return not has_letters(rest, 1)


def entries_from_split_lines(page: Page, lines: list[str], *, with_words: bool) -> list[Entry]:
    """Label and number on separate lines: a numbers-only line takes the label line(s) just above it
    ("Partners, Advisors and / Early Backers / 165,000,000 11%"). On pages with word coordinates the
    percentage-only lines are left to the layout pairing."""
    entries = []
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i == 0 or not _numbers_only(line):
            continue
        if with_words and LONE_PERCENT_RE.match(line):
            continue
        j = i - 1
        if j in used or PCT_RE.search(lines[j]) or amounts_in(lines[j]) or not has_letters(lines[j]) or len(lines[j]) > 80:
            continue
        label = lines[j]
        used.add(j)
        k = j - 1
        while k >= 0 and k not in used and j - k < 3 and not PCT_RE.search(lines[k]) and not amounts_in(lines[k]) \
                and len(lines[k]) < 50 and re.search(r"(?:\band|&|,|\bof|\bfor|-)\s*$", lines[k]):
            label = lines[k] + " " + label
            used.add(k)
            k -= 1
        m = PCT_RE.search(line)
        value = parse_percent(m.group("num"))
        amount = next((v for v, _, _, money in amounts_in(line) if not money), None)
        if 0 < value <= 100:
            flags = {"total"} if TOTAL_LABEL_RE.search(label) or value == 100 else set()
            entries.append(Entry(page.number, LinePos(page.number, i), clean_label(label), f"{label} {line}", value, amount,
                                 "text", flags, "split"))
    return entries


# --- amounts only


_AMOUNT_VERB_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:(?:tokens?|coins?|(?-i:[A-Z][A-Za-z]{1,9}))\s+)?"
    r"(?:will|shall|are|is|go|goes|to\s+be|remain|reserved|allocated|distributed|kept|set\s+aside)\b", re.I)


# "The team will receive 15,000,000 NOVA", "Advisors get 5,000,000", "The foundation will keep 20,000,000 NOVA as a
# reserve": the recipient is the subject before the verb, the amount its object
_RECIPIENT_BEFORE_RE = re.compile(
    r"^\W*(?P<who>(?-i:[A-Z])[\w&'’\- ]{1,50}?)\s+(?:will\s+|shall\s+|would\s+|are\s+to\s+|is\s+to\s+)?"
    r"(?:receive|receives|get|gets|hold|holds|keep|keeps|retain|retains|"
    r"(?:be|is|are)\s+(?:allocated|given|granted|awarded|assigned|entitled\s+to))\s+"
    r"(?:a\s+total\s+of\s+|another\s+|an?\s+additional\s+|the\s+remaining\s+|up\s+to\s+)?$", re.I)


def recipient_before(head: str) -> str | None:
    """The recipient named as the subject of a sentence whose object is the amount right after ``head``, or None."""
    m = _RECIPIENT_BEFORE_RE.match(head)
    if not m or re.search(r"\d|\b(?:each|every|per|you|we|it|they|he|she|this|which|who)\b", m.group("who"), re.I) \
            or len(m.group("who").split()) > 6:
        return None
    return clean_label(m.group("who")) or None


def _distinct_amounts(found: list[tuple[float, int, int, bool]]) -> list[tuple[float, int, int, bool]]:
    """One amount per value: "200,000,000 (two hundred million)" states one amount twice."""
    out = []
    for amount in found:
        # the same value stated again right after ("(two hundred million)"), not a second amount far on
        if not any(abs(amount[0] - kept[0]) < 1e-9 and amount[1] - kept[2] <= 12 for kept in out):
            out.append(amount)
    return out


_GENERIC_AMOUNT_LABEL_RE = re.compile(
    r"(?:(?:initial|total\s+)?(?:size|amount|number|quantity)(?:\s+of\s+tokens)?|tokens?|coins?|allocation|allocated|"
    r"(?-i:[A-Z]{2,6}))(?:\s*\(?(?-i:[A-Z]{2,6})\)?|\s+tokens?)?", re.I)


def _name_above(lines: list[str], i: int) -> str | None:
    """The short name on the line(s) just above line ``i`` ("Network long-term" / "incentives"), or None."""
    def name_like(text: str) -> bool:
        return 0 < len(text) <= 60 and has_letters(text) and not PCT_RE.search(text) and not amounts_in(text) \
            and not SENTENCE_END_RE.search(text[:-1]) and not text.rstrip().endswith(":")
    if i == 0 or not name_like(lines[i - 1]):
        return None
    name = lines[i - 1]
    if i >= 2 and name[:1].islower() and name_like(lines[i - 2]):
        name = lines[i - 2] + " " + name  # a name wrapped over two lines
    elif name[:1].islower():
        name = _wrapped_description_above(lines, i) or name
    name = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", name)  # a section number
    return clean_label(name) or None


def _wrapped_description_above(lines: list[str], i: int) -> str | None:
    """The first sentence of a row label wrapped over up to four lines above a bare amount ("Tokens for
    sale to players at $ 0.5 after launching the" / "platform. These tokens will be ..." / "platform at a
    price of at least $ 0.5" / "3 600 000"), from the line where it starts (a capital letter, after a
    line with a number or none), or None."""
    for k in range(i - 2, max(-1, i - 5), -1):
        line = lines[k]
        if not has_letters(line) or PCT_RE.search(line) or amounts_in(line) or len(line) > 100:
            return None
        if line[:1].isupper() and (k == 0 or amounts_in(lines[k - 1]) or PCT_RE.search(lines[k - 1])):
            text = " ".join(lines[k:i])
            return _first_sentence(text) if len(_first_sentence(text)) <= 120 else None
    return None


def _sentence_amounts(page: Page, i: int, line: str) -> list[Entry]:
    """Token amounts in prose, one a sentence, several sentences on the line: each sentence whose one
    amount is followed by a verb ("... are allocated to the team") is an entry, its recipient the
    first clause after the amount."""
    out = []
    start = 0
    for m in list(SENTENCE_END_RE.finditer(line)) + [None]:
        end = m.end() if m else len(line)
        sentence = line[start:end]
        start = end
        found = [a for a in _distinct_amounts(amounts_in(sentence)) if not a[3]]
        if len(found) == 1:
            pieces = [sentence]
        elif found:
            # "200,000,000 NOVA will be allocated to the team and 200,000,000 NOVA will be kept in reserve":
            # one amount a clause, the clauses joined by "and" or a comma before the next amount
            cuts = [0]
            for a in found[1:]:
                join = list(re.finditer(r"(?:,\s*(?:and\s+|while\s+)?|\s+(?:and|while|whereas)\s+)(?:the\s+(?:remaining|other)\s+)?$",
                                        sentence[cuts[-1]: a[1]]))
                if not join:
                    break
                cuts.append(cuts[-1] + join[-1].end())
            if len(cuts) != len(found):
                continue
            pieces = [re.sub(r"(?:,|\s(?:and|while|whereas))?\s*(?:the\s+(?:remaining|other)\s*)?$", "", sentence[a:b])
                      for a, b in zip(cuts, cuts[1:] + [len(sentence)])]
        else:
            continue
        for piece in pieces:
            entry = _clause_amount(page, i, piece)
            if entry is not None:
                out.append(entry)
    return out


def _clause_amount(page: Page, i: int, sentence: str) -> Entry | None:
    """The token amount of one sentence or clause with its recipient: the subject before it ("The team will
    receive N") or the first clause after its verb ("N NOVA are allocated to the team"), or None."""
    found = [a for a in _distinct_amounts(amounts_in(sentence)) if not a[3]]
    if len(found) != 1:
        return None
    value, a_start, a_end, _ = found[0]
    head, tail = sentence[:a_start], sentence[a_end:]
    subject = recipient_before(head.lstrip())
    if subject is None and (len(head.split()) > 3 or not _AMOUNT_VERB_AFTER.match(tail)):
        return None
    recipient = _LABEL_END_RE.split(re.sub(r"\([^()]*\)", " ", tail).lstrip(" ,;:"), maxsplit=1)[0]
    label = subject or clean_label(label_strip_amounts(recipient))
    if not has_letters(label):
        return None
    # "A total of 1,000,000,000 NOVA will be created": the whole, not a part
    flags = {"total"} if _TOTAL_CLAUSE_RE.search(head) or _CREATED_RE.match(tail) else set()
    return Entry(page.number, LinePos(page.number, i), label, sentence.strip(), None, value, "text", flags, "amount", 1, False)


_TOTAL_CLAUSE_RE = re.compile(r"\btotal\b|\bmaximum\b|\bin\s+all\b", re.I)
_CREATED_RE = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:will\s+be\s+|are\s+|were\s+|is\s+|to\s+be\s+)?(?:ever\s+)?"
                         r"(?:created|minted|generated|issued|in\s+circulation)\b(?!\s+(?:to|for|as|in\s+the)\b)", re.I)


_BONUS_CLAUSE_RE = re.compile(
    r"[(\[,;]?\s*(?:with\s+(?:an?\s+)?)?(?:(?:token\s+)?(?:bonus(?:es)?|discount)\s*(?:of\s+|:\s*)?(?:up\s+to\s+|upto\s+)?"
    r"\d{1,2}(?:[.,]\d+)?\s?%(?:\s?[-–]\s?\d{1,2}(?:[.,]\d+)?\s?%)?|(?:up\s+to\s+)?\d{1,2}(?:[.,]\d+)?\s?%\s+(?:bonus(?:es)?|discount))"
    r"\s*[)\]]?", re.I)


# a table row under a header that gives the unit: a short name and one bare number ("Team 150", "Total: 1,000")
_UNIT_ROW_RE = re.compile(r"^\W*(?P<label>[^\d%$€£]{2,60}?)[\s:.\-–—|]*\d[\d,.]*\s*(?:(?-i:[A-Z]{2,6})|tokens?|coins?)?\s*$", re.I)


def entries_from_amounts(page: Page, lines: list[str]) -> list[Entry]:
    """Lines that give one amount and a label but no percentage: "Team: 150,000,000 tokens",
    "• $3 million – Expanding our team" (money, for use of funds)."""
    entries = []
    unit, unit_left = 1.0, 0
    for i, line in enumerate(lines):
        header_unit = unit_of_header(line)
        if header_unit:
            unit, unit_left = header_unit, UNIT_REACH
        else:
            unit_left -= 1
            if unit_left <= 0:
                unit = 1.0
        quote = line
        if PCT_RE.search(line):
            # "Pre-ICO: 5,000,000 NOVA (bonus 30%)": the only share on the line is a bonus, the amount is the entry
            line = _BONUS_CLAUSE_RE.sub(lambda m: " " * len(m.group(0)), line)
        if PCT_RE.search(line) or len(line) > 160:
            continue
        found = _distinct_amounts(amounts_in(line))
        if unit > 1 and all(a[0] < 100_000 for a in found) and _UNIT_ROW_RE.match(line):
            # "Token allocation (m)" / "Team 150", "Total 1,000": a row read in the unit of its table's header
            found = _distinct_amounts(amounts_in(line, unit=unit))
            if len(found) == 1:  # the number is no part of the label
                line = line[: found[0][1]] + " " * (found[0][2] - found[0][1]) + line[found[0][2]:]
        if len(found) > 1 and sum(1 for a in found if not a[3]) == 1:
            # "500 million to be sold in a public sale with a cap of $10 million": the tokens are the entry
            found = [a for a in found if not a[3]]
        if len(found) > 1:
            # "600,000,000 NMB will be sold in the sale. 250,000,000 NMB go to the team.": one amount a sentence
            entries += _sentence_amounts(page, i, line)
            continue
        if len(found) != 1:
            continue
        value, start, end, is_money = found[0]
        bullet = BULLET_RE.match(line)
        head = line[bullet.end() if bullet else 0 : start]
        tail = line[end:]
        # "FLX 200,000,000 (two hundred million) will be sold ...": an amount in prose, its recipient after it
        prose = len(head.split()) <= 2 and bool(_AMOUNT_VERB_AFTER.match(tail))
        subject = None if prose else recipient_before(head)
        if subject is not None:
            entries.append(Entry(page.number, LinePos(page.number, i), subject, line.strip(), None, value, "text", set(),
                                 "amount", 1, is_money))
            continue
        list_like = bool(bullet) or not has_letters(head, 1) or re.search(r"[:–—\-=]\s*$", head) or (
            not has_letters(label_strip_amounts(tail), 1) and len(line) <= 80)
        if not (list_like or prose) or (len(line) > 100 and not bullet and not prose):
            continue
        label_text = tail if prose else line
        j = i
        # the label may go on over the next lines ("$2 million – Promoting the idea of ... / across the world.")
        while j + 1 < len(lines) and not SENTENCE_END_RE.search(label_text[-2:]) and not BULLET_RE.match(lines[j + 1]) \
                and not amounts_in(lines[j + 1]) and (lines[j + 1][:1].islower() or _UNFINISHED_RE.search(label_text)) \
                and len(label_text) < 200:
            j += 1
            label_text += " " + lines[j]
        if prose:
            # the recipient is the first clause after the amount: "will remain for the company (Flixxo
            # Ltd), covering the costs of ... advisors" is the company's share, not the advisors'
            label_text = _LABEL_END_RE.split(re.sub(r"\([^()]*\)", " ", label_text).lstrip(" ,;:"), maxsplit=1)[0]
        label = clean_label(label_strip_amounts(_first_sentence(BULLET_RE.sub("", label_text))))
        if not is_money and (_GENERIC_AMOUNT_LABEL_RE.fullmatch(label) or (not label and not prose and not bullet)):
            # (an amount alone on its line, "Token Sale" / "500,000,000": a chart label above its number)
            # "Capital reserve" / "Token: 20,000,000,000", "4.7 Reserve Pool" / "Initial size: 10,000,000":
            # the amount's own words only say it is an amount; the name is the line above
            above = _name_above(lines, i)
            if above:
                label, label_text = above, above + " " + label_text
        if not has_letters(label):
            continue
        flags = {"total"} if TOTAL_LABEL_RE.search(label) else set()
        if quote is not line:
            label_text = quote + label_text[len(line):]
        entries.append(Entry(page.number, LinePos(page.number, i), label, label_text, None, value, "text", flags, "amount",
                             j - i + 1, is_money))
    return entries


# --- a column of shares without "%" signs


# a table header that names its share column: "% Tokens", "Category | Share | Amount", "Percentage  Tokens"
_SHARE_HEADER_RE = re.compile(r"(?:^|\s|\|)(?:%|share|percent(?:age)?s?|pct)(?=\s|\||$)", re.I)
# a row under it: a name, a bare share (the "%" is in the header), maybe the token amount after it
_SHARE_ROW_RE = re.compile(
    r"^\W*(?P<label>[A-Za-z][^%|]{0,58}?[A-Za-z)\]])[\s|:]+(?P<pct>\d{1,3}(?:[.,]\d{1,2})?)"
    r"(?:[\s|]+(?P<amount>\d{1,3}(?:(?:,\d{3})+|(?:[\u00a0\u202f' ]\d{3})+)|\d{4,}|\d+(?:[.,]\d+)?\s?(?:[KMB]|mln|bn|million|billion)))?"
    r"\s*(?:(?-i:[A-Z]{2,6})|tokens?)?\s*$", re.I)
#: how many lines under the header the rows may run
SHARE_COLUMN_REACH = 20


def entries_from_share_column(page: Page, lines: list[str]) -> list[Entry]:
    """Rows of a plain-text table whose header puts the "%" in the column's name ("% Tokens" over
    "Team 20 6,000,000", "Advisors 4 1,200,000", "TOTAL 100 30,000,000"): the bare number after each
    name is its share. Read only when the rows' shares add up to 100 (or to their own total row), so a
    column of years or counts under a "%"-like header gives nothing."""
    entries: list[Entry] = []
    i = 0
    while i < len(lines):
        header = lines[i]
        if len(header) > 60 or re.search(r"\d", header) or not _SHARE_HEADER_RE.search(header):
            i += 1
            continue
        rows = _share_rows(page, lines, i + 1)
        parts = [e for e in rows if "total" not in e.flags]
        totals = [e.percent for e in rows if "total" in e.flags]
        if len(parts) >= 2 and (abs(sum(e.percent for e in parts) - 100.0) <= 0.6 or
                                any(abs(sum(e.percent for e in parts) - t) <= 0.05 for t in totals)):
            entries += rows
            i = int(rows[-1].order.line) + 1
            continue
        i += 1
    return entries


def _share_rows(page: Page, lines: list[str], start: int) -> list[Entry]:
    """The consecutive share rows from line ``start`` (see :func:`entries_from_share_column`)."""
    rows: list[Entry] = []
    for j in range(start, min(len(lines), start + SHARE_COLUMN_REACH)):
        m = _SHARE_ROW_RE.match(lines[j])
        if m is None:
            break
        value = parse_percent(m.group("pct"))
        if not 0 < value <= 100:
            break
        amount = next((v for v, _, _, money in amounts_in(m.group("amount") or "") if not money), None)
        label = clean_label(m.group("label"))
        flags = {"total"} if TOTAL_LABEL_RE.search(label) else set()
        rows.append(Entry(page.number, LinePos(page.number, j), label, lines[j].strip(), value, amount, "text", flags, "row"))
    return rows
