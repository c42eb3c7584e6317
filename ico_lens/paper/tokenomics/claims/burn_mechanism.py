"""``burn_mechanism``: An ongoing burn: fees or spent tokens destroyed, buy-back-and-burn, deflationary supply."""

from __future__ import annotations

import re

from ico_lens.paper.tokenomics.claims.base import ClaimResult, ClaimRule, HEDGE, evidence_at, register
from ico_lens.paper.tokenomics.claims.base import claim_units
from ico_lens.records import confidence_value


@register
class BurnMechanism(ClaimRule):
    NAME = "burn_mechanism"
    ORDER = 30
    DESCRIPTION = "An ongoing burn: fees or spent tokens destroyed, buy-back-and-burn, deflationary supply."
    CONFIDENCE = "medium"
    PATTERNS = {
        "burn": re.compile(
            r"\b(?:burn(?:ed|t|s|ing)?|destroy(?:ed|s)?|destruction|taken\s+out\s+of\s+circulation|removed\s+from\s+circulation)\b",
            re.I,
        ),
        # what makes a burn ongoing: a recurring source of the burned tokens
        "ongoing": re.compile(
            r"\b(?:fees?|commissions?|transaction|used|spent|spend|use|usage|payments?|liquidat\w*|buy[\s-]?backs?|bought\s+back|"
            r"collected|every|each|per|periodically|quarterly|monthly|proceeds|as\s+keys?|exchanged|consumed|forever)\b",
            re.I,
        ),
        # one-off burns of what was not sold or not needed are not a mechanism
        "one_off": re.compile(
            r"\b(?:unsold|not\s+(?:be\s+)?sold|not\s+distributed|sold\s+out|hard\s+cap|end\s+of\s+the\s+(?:token\s+)?sale|"
            r"completion\s+of\s+the|after\s+the\s+(?:token\s+)?sale|unnecessary|not\s+needed|aren.t\s+needed|"
            r"after\s+reading|unused)\b",
            re.I,
        ),
        "deflation": re.compile(
            r"\bsupply\s+(?:of\s+\S+\s+)?(?:\w+\s+){0,2}(?:shall|will|would)?\s*decrease\s+over\s+time",
            re.I,
        ),
        "denied": re.compile(
            r"\bno\s+(?:direct\s+)?(?:depletion|burn(?:ing)?)\s+of\s+(?:the\s+)?tokens|\b(?:will|are|is)\s+not\s+(?:be\s+)?(?:burn(?:ed|t)|destroyed)\b"
            r"|\b(?:go|goes|return|returns|returned)\s+back\s+(?:in)?to\s+the\s+(?:\w+\s+)?(?:supply|pool)\b|\brecycled\b"
            # "can be neither minted nor destroyed"
            r"|\bneither\s+(?:be\s+)?(?:minted|created|issued)\s+nor\s+(?:be\s+)?(?:destroyed|burn(?:ed|t))\b",
            re.I,
        ),
    }

    def _detect(self, document):
        burns, denials = [], []
        symbol = self.symbol()
        for unit in claim_units(document):
            text = unit.text
            m = self.PATTERNS["burn"].search(text)
            if m and not HEDGE.search(text) and not self.PATTERNS["one_off"].search(text):
                # the burned thing must be the token (not ether spent as gas), close to the verb
                near = text[max(0, m.start() - 100) : m.end() + 40]
                tokenish = re.search(r"\btokens?\b|\bcoins?\b" + (r"|\b" + re.escape(symbol) + r"\b" if symbol else ""), near, re.I)
                burned_thing = text[max(0, m.start() - 30) : m.end() + 25]
                not_token = re.search(r"\b(?:ether|eth|gas|dots?|fiat)\b", burned_thing, re.I)
                if tokenish and not not_token and self.PATTERNS["ongoing"].search(text):
                    burns.append(evidence_at(unit, m))
                    continue
            d = self.PATTERNS["deflation"].search(text)
            if d and not HEDGE.search(text):
                burns.append(evidence_at(unit, d))
                continue
            n = self.PATTERNS["denied"].search(text)
            if n and re.search(r"\btokens?\b", text, re.I):
                denials.append(evidence_at(unit, n))
        if burns:
            return ClaimResult(self.NAME, True, burns[:2], counter_evidence=denials[:2])
        if denials:
            return ClaimResult(self.NAME, False, denials[:2], confidence=confidence_value("low"))
        return None
