"""What the evaluations share: the metrics (:mod:`.metrics`) and the fixed splits (:mod:`.splits`).

Each stage's evaluator lives beside the stage (``ico_lens.paper.evaluate``, ``ico_lens.contract.evaluate``,
``ico_lens.language.evaluate``); product code never imports any of them.
"""
