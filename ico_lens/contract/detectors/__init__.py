"""Fact detectors: one small class per GOLD.md token-contract fact, registered here.

Order matters only for facts that read an earlier verdict (``mint_can_be_finished`` reads
``can_mint_after_deploy``). To add a fact, add a file with a :class:`FactDetector` subclass and list it.
"""

from __future__ import annotations

from ico_lens.contract.detectors.base import Evidence, FactDetector, Finding
from ico_lens.contract.detectors.burn import BurnDetector
from ico_lens.contract.detectors.crowdsale import CrowdsaleDetector
from ico_lens.contract.detectors.fee import TransferFeeDetector
from ico_lens.contract.detectors.freeze import FreezeDetector
from ico_lens.contract.detectors.mint import MintDetector
from ico_lens.contract.detectors.mint_finish import MintFinishDetector
from ico_lens.contract.detectors.owner_balances import OwnerBalancesDetector
from ico_lens.contract.detectors.pause import PauseDetector
from ico_lens.contract.detectors.selfdestruct import SelfdestructDetector
from ico_lens.contract.detectors.transfer_lock import TransferLockDetector
from ico_lens.contract.detectors.upgrade import UpgradeDetector
from ico_lens.contract.detectors.vesting import VestingDetector

#: every fact detector, in the order they run
DETECTORS: list[type[FactDetector]] = [
    MintDetector,
    MintFinishDetector,
    BurnDetector,
    PauseDetector,
    TransferLockDetector,
    FreezeDetector,
    OwnerBalancesDetector,
    UpgradeDetector,
    VestingDetector,
    TransferFeeDetector,
    SelfdestructDetector,
    CrowdsaleDetector,
]

__all__ = ["DETECTORS", "Evidence", "FactDetector", "Finding"]
