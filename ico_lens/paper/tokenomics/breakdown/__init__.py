"""The engine shared by :mod:`allocation` and :mod:`funds`: find breakdowns ("Team 15%, Sale 60% ...")
in a :class:`~ico_lens.paper.records.Document`.

Steps
-----
1. **Lines.** Each page's cleaned text, as lines. Pages whose text layer comes out word-reversed
   (some PDF generators) are rebuilt from pdfplumber words or reversed back.
2. **Entries.** Every percentage (and, for amounts-only breakdowns, every large number) becomes an
   :class:`Entry` with a label:

   * *row* lines ``Label 15%``, ``Label (15%)``, ``Label: 150,000,000 (15%)``: the label is before;
   * *lead* lines ``15% - Label``, ``• 40% of the tokens will be sold ...``: the label is after,
     continued over the following lines until the sentence or bullet ends;
   * *prose* ``... will together hold another 10%; ...``: the clause around the number;
   * *ruled tables*: per row, the first text cell is the label, percent and amount cells anywhere;
   * *share columns* of plain-text tables whose header holds the "%" ("% Tokens" over "Team 20 6,000,000"),
     read when the rows add up to 100;
   * *layout* (chart legends, text tables): a number alone in its box is paired with the nearest text
     box on the same row, else directly above or below, using pdfplumber word coordinates; each label
     is used once, so a number is never given the neighbouring row's label.

   Entries carry flags for what is *not* a share: a base ("15% of the remaining 30%"), a total row,
   bonus, vesting and release percentages ("80% of tokens with 6 month vesting").
3. **Runs.** Entries close to each other (a few lines apart, same or next page) form a run.
4. **Best subset.** In each run a small dynamic programme picks the subset of entries whose
   percentages sum to 100 (within rounding) with the highest total weight; the weight of an entry is
   how clearly its label names a category of the wanted kind (allocation or use of funds). This
   drops subtotal rows, repeated numbers, bonus and vesting percentages, and prefers the finer split
   when a paper gives both ("60% token sale: 40% sold, 20% for bonuses").
5. **Kind.** Headings and words around a run ("token distribution", "total supply" vs "use of
   proceeds", "budget", "$") decide whether it is a token allocation or a use of funds.

:func:`~selection.candidates` returns scored :class:`Candidate` sets; ``allocation.py`` and
``funds.py`` turn the best ones into records.

Modules, in the order of the steps: :mod:`.numbers` (the percentages and amounts of a line),
:mod:`.lines` (a page as lines), :mod:`.entry` (an :class:`Entry` at a :class:`LinePos`), :mod:`.labels`
(what a label says), :mod:`.text`, :mod:`.table` and :mod:`.layout` (entries from each place a breakdown
lives), :mod:`.selection` (runs, best subset, kind, amounts turned into shares).
"""

from ico_lens.paper.tokenomics.breakdown.entry import Entry, LinePos
from ico_lens.paper.tokenomics.breakdown.labels import clean_label, tidy_label
from ico_lens.paper.tokenomics.breakdown.lines import page_lines
from ico_lens.paper.tokenomics.breakdown.numbers import PCT_RE, amounts_in
from ico_lens.paper.tokenomics.breakdown.selection import Candidate, candidates, find_entries, kind_score, tie_break

__all__ = ["Candidate", "Entry", "LinePos", "PCT_RE", "amounts_in", "candidates", "clean_label", "find_entries",
           "kind_score", "page_lines", "tidy_label", "tie_break"]
