"""The web app of ``claimsift serve``: browse a case, add documents and hypotheses, set reliability."""

from claimsift.web.app import create_app

__all__ = ["create_app"]
