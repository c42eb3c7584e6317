"""Realistic records for the alignment tests, built directly (no PDF, no Slither, no node)."""

from __future__ import annotations

from ico_lens.chain.records import ChainState, GenesisDistribution, GenesisRecipient
from ico_lens.contract.records import CodeFacts, CompileSummary, ContractReport, DetectorInfo, Role, SourceSummary
from ico_lens.language.records import LanguageProfile, ProfileStatus, ScoredSentence
from ico_lens.paper.tokenomics.claims import ClaimResult
from ico_lens.paper.tokenomics.facts import PaperFacts
from ico_lens.paper.tokenomics.records import AllocationBucket, Distribution
from ico_lens.paper.tokenomics.terms import TermValue, TokenTerms
from ico_lens.records import Evidence, ProjectRef, TokenAmount

UNIT = 10**18
OWNER = "0x" + "11" * 20
ZERO = "0x" + "0" * 40
#: every boolean fact false: a plain fixed-supply ERC-20
PLAIN = {"can_mint_after_deploy": False, "mint_can_be_finished": None, "burnable": False, "pausable": False,
         "transfer_lock": False, "freeze_or_blacklist": False, "owner_can_change_balances": False,
         "upgradeable_or_migratable": False, "vesting_or_timelock": False, "transfer_fee": False, "selfdestruct": False,
         "crowdsale_in_file": False, "voting": False, "oracle_call": False}
#: where each true fact is found in code
WHERE = {
    "can_mint_after_deploy": ("MintableToken", "mint", 85, "totalSupply_ = totalSupply_.add(_amount)"),
    "mint_can_be_finished": ("MintableToken", "finishMinting", 92, "mintingFinished = true"),
    "burnable": ("BurnableToken", "burn", 40, "totalSupply_ = totalSupply_.sub(_value)"),
    "pausable": ("Pausable", "pause", 105, "paused = true"),
    "transfer_lock": ("LockedToken", "transfer", 60, "require(now >= unlockTime)"),
    "freeze_or_blacklist": ("FreezableToken", "freezeAccount", 70, "frozen[_target] = _freeze"),
    "owner_can_change_balances": ("Token", "seize", 75, "balances[_from] = balances[_from].sub(_value)"),
    "upgradeable_or_migratable": ("Token", "setMigrationAgent", 80, "migrationAgent = _agent"),
    "vesting_or_timelock": ("TokenVesting", "release", 30, "require(block.timestamp >= cliff)"),
    "transfer_fee": ("Token", "transfer", 50, "balances[feeWallet] = balances[feeWallet].add(fee)"),
    "selfdestruct": ("Token", "kill", 90, "selfdestruct(owner)"),
    "voting": ("TokenHolderDAO", "castVote", 83, "hasVoted[_id][msg.sender] = true"),
    "oracle_call": ("UsdPricedSale", "ethUsd", 44, "(, int256 answer, , uint256 updatedAt, ) = priceFeed.latestRoundData()"),
}


def paper(claims: dict | None = None, *, total_supply: int | None = None, allocation: dict[str, float] | None = None) -> PaperFacts:
    """Paper facts stating ``claims`` (each with a sentence as its evidence), a supply and an allocation."""
    results = {name: ClaimResult(name, value, [Evidence.paper(4, f"(the paper on {name}: {value})")], rule="test")
               for name, value in (claims or {}).items()}
    terms = TokenTerms(
        total_supply=TermValue(total_supply, [Evidence.paper(3, f"Total supply: {total_supply:,} DICO")]) if total_supply else None,
        symbol=TermValue("DICO"))
    buckets = [AllocationBucket(label, "other", "unknown", percent, evidence=Evidence.paper(5, f"{label} {percent}%"))
               for label, percent in (allocation or {}).items()]
    allocations = [Distribution("allocation", buckets, source="text", is_main=True).finish()] if buckets else []
    return PaperFacts(slug="demo", text_layer=True, pages=10, status="ok", language="en",
                      ref=ProjectRef(content_id="c0ffee", chain_id=None), terms=terms, claims=results, allocations=allocations)


def profile(*sentences: str) -> LanguageProfile:
    """A language profile whose scored sentences are ``sentences`` (on pages 7, 8, ...)."""
    return LanguageProfile("demo.pdf", ProfileStatus.OK, sentences=[
        ScoredSentence(text, 7 + i, "risk_disclosure", 0.8) for i, text in enumerate(sentences)])


def contract(facts: dict | None = None, *, initial_supply: int | None = None, cap: int | None = None,
             roles: list[Role] | None = None, chain: ChainState | None = None, undetermined: dict | None = None,
             sale_cap: tuple[int, str] | None = None) -> ContractReport:
    """A contract report whose facts are PLAIN updated with ``facts`` (amounts in whole tokens, 18 decimals;
    ``sale_cap`` as (whole amount, "ETH" | "tokens"))."""
    verdicts = {**PLAIN, **(facts or {})}
    evidence = {name: [Evidence.in_code(contract=c, function=f, line=line, code=code, reason=f"{f}() decides {name}")]
                for name, (c, f, line, code) in WHERE.items() if verdicts.get(name)}
    if initial_supply is not None:
        evidence["initial_supply"] = [Evidence.in_code(contract="DemoICOToken", function="constructor", line=122,
                                                       code="totalSupply_ = INITIAL_SUPPLY", reason="minted at deployment")]
    if sale_cap is not None:
        evidence["sale_cap"] = [Evidence.in_code(contract="DemoCrowdsale", function=None, line=31,
                                                 code="uint256 public hardCap = 30000 ether", reason="read by buyTokens()")]
    code_facts = CodeFacts(
        ref=ProjectRef(address=OWNER.replace("11", "22")), token_contract="DemoICOToken", decimals=18,
        initial_supply=TokenAmount.from_whole(initial_supply, 18) if initial_supply is not None else None,
        cap=TokenAmount.from_whole(cap, 18) if cap is not None else None,
        sale_cap=TokenAmount.from_whole(sale_cap[0], 18) if sale_cap else None, sale_cap_unit=sale_cap[1] if sale_cap else None,
        verdicts=verdicts, evidence=evidence, undetermined=undetermined or {}, roles=roles or [],
        # the JSON lists the facts by their detectors: a report read back knows its facts through them
        detectors={name: DetectorInfo(f"decides {name}") for name in verdicts})
    return ContractReport(ref=code_facts.ref, facts=code_facts, source=SourceSummary(origin="file", path="Token.sol"),
                          proxy=None, compile=CompileSummary("0.4.24", "solcjs", 0.5), chain=chain)


def chain(*, total_supply: int | None = None, minting_finished: bool | None = None, owner: str | None = OWNER,
          recipients: dict[str, float] | None = None) -> ChainState:
    """Chain state; ``recipients`` maps an address to its whole-token genesis amount."""
    evidence = {}
    if total_supply is not None:
        evidence["total_supply"] = Evidence.on_chain(block=200, value=total_supply * UNIT, reason="totalSupply() at block 200")
    if minting_finished is not None:
        evidence["minting_finished"] = Evidence.on_chain(block=200, value=minting_finished, reason="mintingFinished() at block 200")
    if owner is not None:
        evidence["owner"] = Evidence.on_chain(block=200, value=owner, reason="owner() at block 200")
    genesis = None
    if recipients is not None:
        total = sum(recipients.values())
        genesis = GenesisDistribution(
            creation_block=100, window_blocks=50, window_end_block=150, deployer=OWNER, creation_tx="0x" + "ab" * 32,
            recipients=[GenesisRecipient(a, TokenAmount.from_whole(v, 18), round(v / total * 100, 2), 1)
                        for a, v in sorted(recipients.items(), key=lambda kv: -kv[1])])
    return ChainState(ref=ProjectRef(chain_id=31337, address=OWNER.replace("11", "22"), symbol="DICO"), block_number=200,
                      code_present=True, total_supply=TokenAmount.from_raw(total_supply * UNIT, 18) if total_supply else None,
                      decimals=18, symbol="DICO", owner=owner, minting_finished=minting_finished, evidence=evidence,
                      genesis=genesis)
