"""``transfers_locked_until_sale_end``: Bought tokens cannot be transferred until the sale ends (or a stated date after it)."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, evidence_at, register


@register
class TransfersLockedUntilSaleEnd(ClaimRule):
    NAME = "transfers_locked_until_sale_end"
    ORDER = 60
    DESCRIPTION = "Bought tokens cannot be transferred until the sale ends (or a stated date after it)."
    CONFIDENCE = "high"
    _SALE = (r"(?:the\s+)?(?:token\s+(?:creation|generation|distribution)\s+event|token\s+sale|crowd\s?sale|ico|sale|"
             r"contribution\s+period|offering|distribution\s+period|tge)")
    #: the end of the sale: "the end (date) of the main sale", "the ICO", "the crowdsale is completed", "ICO end"
    _SALE_END = (r"(?:the\s+)?(?:(?:successful\s+|official\s+|final\s+)?(?:end|close|closing|completion|conclusion|finish|finali[sz]ation)(?:\s+date)?\s+of\s+(?:the\s+)?)?"
                 r"(?:(?:initial|main|public)\s+)?" + _SALE + r"\b")
    PATTERNS = {
        "locked": re.compile(
            r"\bnon-?transferr?able\s+(?:\w+\s+){0,6}until\b|\b(?:cannot|can\s*not|can.t|will\s+not|won.t|shall\s+not)\s+be\s+(?:transferr?ed|traded|moved)\s+"
            r"(?:during|until|before|prior\s+to)\b|\bnot\s+(?:be\s+)?transferr?able\s+(?:during|until|before|prior\s+to)\b"
            r"|\btransferr?able\s+(?:\w+\s+){0,3}(?:after|following|upon)\s+(?:\d+\s+days\s+after\s+)?(?:the\s+)?(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            + r"|\btransferr?able\s+(?:\d+|seven|ten|fourteen)\s+days\s+after\b"
            r"|\b(?:immediately\s+)?transferr?able\s+after\s+(?:the\s+)?(?:token\s+sale|crowdsale|ico|sale)\s+(?:ends|is\s+over|closes)"
            r"|\b(?:locked|frozen)\s+(?:\w+\s+){0,4}until\s+(?:the\s+)?(?:end|close|completion)\s+of\s+" + _SALE
            + r"|\btransfers?\s+(?:\w+\s+){0,3}(?:disabled|blocked|frozen|paused)\s+(?:during|until)\b"
            # "transferable upon the completion of the Token Creation Event", "they will remain locked until
            # November 24th" (of tokens sent to contributors)
            r"|\btransferr?able\s+(?:upon|after|following|at)\s+(?:the\s+)?(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            + r"|\b(?:remain|stay)\s+(?:locked|frozen|non-?transferr?able)\s+until\b"
            # "transferable once the sale is completed", "transfers will be enabled after the crowdsale ends",
            # "can only be transferred after the end of the ICO", "frozen until the token sale is over"
            r"|\b(?:transferr?able|tradable|tradeable)\s+(?:\w+\s+){0,2}(?:once|when|after|as\s+soon\s+as)\s+" + _SALE
            + r"\s+(?:is\s+|has\s+been\s+|have\s+been\s+)?(?:completed|complete|finished|over|closed|ended|ends|closes|finali[sz]ed)\b"
            r"|\btransfers?\s+(?:\w+\s+){0,3}(?:enabled|unlocked|activated|allowed)\s+(?:only\s+)?(?:after|once|upon|when|at\s+the\s+end\s+of)\s+" + _SALE
            + r"|\b(?:can|may|will)\s+only\s+be\s+(?:transferred|traded)\s+(?:after|once|following)\s+(?:the\s+)?(?:end|close|completion|conclusion)\s+of\s+" + _SALE
            + r"|\b(?:locked|frozen)\s+(?:\w+\s+){0,4}until\s+" + _SALE
            + r"\s+(?:is\s+over|ends|closes|is\s+completed|has\s+ended|is\s+finished)\b"
            # third round: "non-transferable during the sale", "will not be tradable until the crowdsale is over",
            # "trading of NOVA will only be possible after the completion of the token sale", "contributors will not
            # be able to transfer their tokens until the token sale has finished"
            r"|\bnon-?(?:transferr?able|trad(?:e)?able)\s+(?:\w+\s+){0,2}(?:during|for\s+the\s+duration\s+of)\s+" + _SALE
            + r"|\bnot\s+(?:be\s+)?(?:trad(?:e)?able|tradeable|movable)\s+(?:during|until|before|prior\s+to)\b"
            r"|\b(?:trading|transfers?|transferring)\s+(?:of\s+(?:\w+\s+){0,3})?(?:will\s+|shall\s+|is\s+|are\s+)?(?:only\s+)?(?:be\s+)?(?:possible|allowed|enabled|permitted|unlocked)\s+"
            r"(?:only\s+)?(?:after|once|upon|following|at)\s+(?:the\s+)?(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            # "transfers of NOVA will be restricted until the completion of the token sale", "frozen until the
            # crowdsale has finished", "transferable only after the token sale", "block transfers until the end of"
            + r"|\b(?:restricted|frozen|locked|blocked|disabled|non-?transferr?able|traded\s+or\s+transferred|transferred\s+or\s+traded)\s+(?:\w+\s+){0,2}until\s+(?:after\s+)?(?:the\s+)?(?:(?:end|close|completion|conclusion|finish)\s+of\s+)?" + _SALE
            + r"(?:\s+(?:has\s+|is\s+|have\s+been\s+)?(?:ended|ends|over|closed|closes|completed|finished|finali[sz]ed|concluded))?\b"
            r"|\b(?:transferr?able|tradable|tradeable)\s+only\s+(?:after|once|following|upon)\s+(?:the\s+)?(?:(?:end|close|completion|conclusion)\s+of\s+(?:the\s+)?)?" + _SALE
            + r"|\bblock\w*\s+(?:all\s+)?transfers\s+(?:\w+\s+){0,2}until\b"
            # composed: a transfer word, then the end of the sale ("transferable and listed on exchanges once the
            # initial sale is completed", "transferable seven days from the end date of the main sale", "locked,
            # until the end of the ICO", "restricted till the end of the ICO", "right after ICO end ... become tradable")
            + r"|\b(?:transferr?able|tradable|tradeable)\s+(?:[\w’']+,?\s+){0,6}?(?:after|once|upon|following|from|when)\s+" + _SALE_END
            + r"|\b(?:locked|frozen|restricted|blocked|disabled|non-?transferr?able),?\s+(?:[\w’']+,?\s+){0,5}?(?:until|till)\s+(?:after\s+)?" + _SALE_END
            + r"|\b(?:after|once|upon|following)\s+" + _SALE_END + r"\s+(?:[\w’']+,?\s+){0,6}?(?:becomes?|will\s+be(?:come)?|are)\s+(?:\w+\s+)?(?:transferr?able|tradable|tradeable)\b"
            + r"|\b(?:not|unable)\s+(?:be\s+able\s+)?to\s+(?:transfer|trade|move)\s+(?:\w+\s+){0,3}(?:until|before|during|prior\s+to)\s+(?:the\s+)?(?:end\s+of\s+)?" + _SALE
            # fifth round: "will be able to transfer their tokens once the token sale has ended", "can trade their
            # tokens only after the end of the ICO", "tokens will be unlocked when the crowdsale ends"
            + r"|\b(?:able\s+to|can|may)\s+(?:only\s+)?transfer\s+(?:\w+\s+){0,3}?(?:only\s+)?(?:once|after|when|following|upon)\s+" + _SALE_END
            + r"|\b(?:able\s+to|can|may)\s+(?:only\s+)?(?:trade|move|sell)\s+(?:\w+\s+){0,3}?only\s+(?:once|after|when|following|upon)\s+" + _SALE_END
            + r"|\b(?:unlocked|unfrozen)\s+(?:\w+\s+){0,2}(?:when|once|after|upon|as\s+soon\s+as)\s+" + _SALE_END
            + r"\s+(?:has\s+|is\s+)?(?:ended|ends|over|closed|closes|completed|finished|concluded|finali[sz]ed)\b"
            + r"|\b(?:unlocked|unfrozen)\s+(?:\w+\s+){0,2}(?:at|after|upon|following)\s+the\s+(?:end|close|completion|conclusion)\s+of\s+" + _SALE
            # "token transfers will be possible only after the successful completion of the crowdsale", "the token
            # contract will be paused during the crowdsale", "trading will not be possible until the crowdsale is over"
            + r"|\b(?:trading|transfers?|transferring)\s+(?:of\s+(?:\w+\s+){0,3})?(?:will\s+|shall\s+|is\s+|are\s+)?(?:only\s+)?(?:be\s+)?(?:possible|allowed|enabled|permitted|unlocked)\s+"
            r"(?:only\s+)?(?:after|once|upon|following|at)\s+(?:the\s+)?(?:successful|official|final)\s+(?:end|close|closing|completion|conclusion|finish)\s+of\s+" + _SALE
            + r"|\b(?:token\s+contract|transfers?\s+of\s+(?:\w+\s+){0,2}tokens|token\s+transfers)\s+(?:will\s+be|is|are|shall\s+be)\s+(?:paused|frozen|locked|disabled|blocked)\s+"
            r"(?:during|for\s+the\s+(?:duration|length)\s+of|throughout)\s+" + _SALE
            + r"|\b(?:trading|transfers?)\s+(?:of\s+(?:\w+\s+){0,3})?(?:will\s+not|won.t|is\s+not|are\s+not|shall\s+not)\s+(?:be\s+)?(?:possible|allowed|permitted|enabled)\s+"
            r"(?:until|before|during|prior\s+to)\s+" + _SALE_END
            # the sale first: "During the ICO, NOVA tokens will be locked", "during the pre-sale period ... tokens cannot be
            # transferred", "token transfers will be restricted for two months after the sale ends", "upon completion of
            # the token sale token buyers may transfer their tokens"
            + r"|\bduring\s+" + _SALE + r"(?:\s+period)?,?\s+(?:[\w’']+\s+){0,3}?(?:tokens?|coins?)\s+(?:will\s+be|are|remain|will\s+remain)\s+(?:locked|frozen|non-?transferr?able)\b"
            r"|\b(?:during|until)\s+" + _SALE + r"\b[^.;]{0,80}?\b(?:tokens?|coins?)\s+(?:cannot|can\s*not|will\s+not|may\s+not|shall\s+not)\s+be\s+(?:transferr?ed|traded|moved)\b"
            r"|\b(?:token\s+)?(?:transfers?|trading)\s+(?:of\s+(?:\w+\s+){0,2})?(?:will\s+be|is|are|shall\s+be)\s+(?:restricted|disabled|blocked|frozen|locked)\s+for\s+(?:\w+\s+){1,3}?after\s+" + _SALE_END
            + r"|\b(?:upon|after|once|following)\s+(?:the\s+)?(?:end|close|completion|conclusion)\s+of\s+" + _SALE + r"\s*,?\s+(?:[\w’']+\s+){0,4}?(?:may|can|will\s+be\s+able\s+to)\s+transfer\b"
            # sixth round: locked until a time counted from the end of the sale ("cannot be transferred to another address
            # until 12:00 UTC on the 14th day following the date on which the ICO ended")
            + r"|\b(?:cannot|can\s*not|will\s+not|won.t|may\s+not|shall\s+not)\s+be\s+(?:transferr?ed|traded|moved)(?:/\w+)?\s+(?:[\w/]+\s+){0,4}?until\s+[^.;]{0,80}?"
            r"\b(?:after|following|from)\s+(?:[\w]+\s+){0,5}?" + _SALE + r"\s+(?:has\s+|is\s+|was\s+)?(?:ended|ends|closed|closes|over|completed|finished)\b"
            # round 6: the contract freezes the transfers ("will freeze all transfers until the token sale has concluded")
            # and a term-sheet row ("Transferability: after the end of the token sale", "Transferable: upon ICO completion")
            r"|\bfreez\w*\s+(?:all\s+)?(?:token\s+)?transfers\s+(?:\w+\s+){0,2}?until\s+(?:after\s+)?" + _SALE_END
            + r"|(?:^|\s)transferr?ab(?:ility|le)\s*[:\-–]\s*(?:only\s+)?(?:after|once|upon|following|from|at)\s+(?:(?:the\s+)?(?:end|close|completion|conclusion)\s+of\s+)?" + _SALE_END,
            re.I,
        ),
        # round 6: bought tokens locked for a stated time after the sale ("tokens distributed to contributors will be
        # locked for 14 days after the ICO ends"): read only where the sentence names the buyers
        "locked_after_end": re.compile(
            r"\b(?:locked|frozen|non-?transferr?able|not\s+(?:be\s+)?transferr?able|cannot\s+be\s+transferred)\s+for\s+(?:(?:a\s+period\s+of|the\s+first)\s+)?"
            r"(?:\d+|one|two|three|four|seven|ten|fourteen|thirty)\s+(?:days?|weeks?|months?)\s+(?:after|following|from)\s+"
            r"(?:(?:the\s+)?(?:end|close|closing|completion|conclusion)\s+of\s+)?" + _SALE_END,
            re.I,
        ),
        "free": re.compile(
            r"\bnot\s+designed\s+with\s+(?:any\s+)?restrictions\s+on\s+transfer|\bno\s+(?:transfer\s+)?restrictions\s+on\s+(?:the\s+)?transfer"
            r"|\bwithout\s+(?:any\s+)?transfer\s+restrictions\b"
            r"|\b(?:will\s+be|are|is|shall\s+be)\s+freely\s+transferr?able\b|\bno\s+transfer\s+restrictions\b"
            # "transferable after deployment, even during the sale"
            r"|\btransferr?able\s+(?:[\w,]+\s+){0,4}(?:even\s+)?during\s+(?:the\s+)?(?:token\s+sale|crowd\s?sale|ico|sale)\b",
            re.I,
        ),
        "locked_until_date": re.compile(
            r"\b(?:locked|frozen|non-?transferr?able|not\s+(?:be\s+)?transferr?able|cannot\s+be\s+transferred)\s+(?:\w+\s+){0,2}until\s+"
            r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:\d{4})?",
            re.I,
        ),
        # a team lock is team vesting, not a lock of bought tokens
        "not_buyers": re.compile(r"\b(?:team|founders?|advisors?|advisers?|staff|employees|reserve|bounty)\b", re.I),
    }

    _BUYERS = re.compile(r"\b(?:bought|purchased|sold|contributors?|buyers?|purchasers?|participants?|(?:token\s+|crowd)?sale|ico)\b", re.I)
    #: the buyers themselves (a lock for a time after the sale is the team's unless the buyers are named)
    _BUYERS_NAMED = re.compile(r"\b(?:bought|purchased|sold|contributors?|buyers?|purchasers?|participants?|investors?)\b", re.I)

    #: the money paid is the subject of the lock, not the tokens bought: "the funds will be locked until the end of
    #: the token sale", "contributions in ETH are held in escrow and frozen until ..." (a few words, no comma, between)
    _FUNDS_SUBJECT = re.compile(r"\b(?:funds|ether|ETH|BTC|money|contributions?|proceeds|deposits?|escrow)\b((?:\s+\w+){0,5})\s*$", re.I)
    _TOKEN_WORD = re.compile(r"\b(?:tokens?|coins?|they)\b", re.I)

    def _about_tokens(self, text: str, m: re.Match) -> bool:
        subject = self._FUNDS_SUBJECT.search(text[max(0, m.start() - 60) : m.start()])
        return subject is None or bool(self._TOKEN_WORD.search(subject.group(1)))

    #: a lock whose period is no sale: "cannot be transferred during this period" (a vesting or lock-up defined before)
    _OTHER_PERIOD = re.compile(r"\s*(?:this|that|such\s+a|the\s+(?:lock\w*|vesting|cliff|holding)(?:[\s-]up)?)\s+(?:period|time|phase)\b", re.I)

    #: where a clause starts: a sentence end, a comma before words (not one inside "3,333,333"), a bullet dash
    _CLAUSE_START = re.compile(r"[.;:!?]\s|,\s(?!\d{3}\b)|\s[-–•]\s")

    def _team_subject(self, text: str, m: re.Match) -> bool:
        """Whether the lock is of team / reserve tokens: a team word in the clause of the lock or just before it (a
        bucket list flattened into the next sentence, "- 166,667 NOVA for the Advisors In total, 3,333,333 NOVA are
        created of which 1,000,000 NOVA are transferable upon ...", names the advisors in a clause of its own)."""
        before = text[: m.start()]
        starts = [c.end() for c in self._CLAUSE_START.finditer(before)]
        clause_start = min(starts[-1] if starts else 0, max(0, m.start() - 50))
        return bool(self.PATTERNS["not_buyers"].search(text[clause_start : m.end() + 60]))

    def _detect(self, document):
        locked = [evidence_at(u, m) for u, m in self.matches(document, "locked", hedged=True)
                  if (not self._team_subject(u.text, m) or re.search(r"pre-?sale|purchas|contributor|buyer", u.text, re.I))
                  and self._about_tokens(u.text, m) and not self._OTHER_PERIOD.match(u.text, m.end())]
        if not locked:
            # "tokens bought in the sale will be locked until 1 March 2018": a date, of bought tokens
            locked = [evidence_at(u, m) for role, buyers in (("locked_until_date", self._BUYERS), ("locked_after_end", self._BUYERS_NAMED))
                      for u, m in self.matches(document, role, hedged=True)
                      if buyers.search(u.text) and not self.PATTERNS["not_buyers"].search(u.text)]
        if locked:
            return ClaimResult(self.NAME, True, locked[:2])
        free = [evidence_at(u, m) for u, m in self.matches(document, "free")]
        if free:
            return ClaimResult(self.NAME, False, free[:2])
        return None
