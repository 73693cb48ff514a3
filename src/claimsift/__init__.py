"""claimsift: attributed claims, dates, entities and calibrated verdicts from reporting and transcripts."""

from claimsift.analysis import analyze, analyze_documents, assemble, make_hypotheses
from claimsift.errors import ClaimsiftError, InputError, ModelError, StoreError, UsageError
from claimsift.model import (
    Analysis,
    Assessment,
    Claim,
    Document,
    DocumentFacts,
    Entity,
    EvidenceGroup,
    Hypothesis,
    Mention,
    SourceRef,
    TimeExpr,
)

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Assessment",
    "Claim",
    "ClaimsiftError",
    "Document",
    "DocumentFacts",
    "Entity",
    "EvidenceGroup",
    "Hypothesis",
    "InputError",
    "Mention",
    "ModelError",
    "SourceRef",
    "StoreError",
    "TimeExpr",
    "UsageError",
    "analyze",
    "analyze_documents",
    "assemble",
    "make_hypotheses",
]
