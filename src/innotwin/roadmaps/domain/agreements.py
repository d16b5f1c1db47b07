"""The agreements register: the pair's MoUs and statements of intent (:class:`pairs.Agreement`) with
their status, expiry, the organisations that are parties and the roadmap themes they serve."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, Problem
from innotwin.pairs.models import Agreement, TwinPair
from innotwin.roadmaps.domain._common import organisation
from innotwin.roadmaps.enums import AgreementStatus
from innotwin.roadmaps.models import AgreementDetails, Theme


@dataclass(frozen=True)
class RegisterEntry:
    agreement: Agreement
    details: AgreementDetails | None

    @property
    def status(self) -> str:
        if self.details is None:
            return ""
        if self.details.expires_on and self.details.expires_on < timezone.localdate():
            return str(AgreementStatus.EXPIRED.label)
        return self.details.get_status_display()

    @property
    def themes(self) -> list[Theme]:
        return list(self.details.themes.all()) if self.details else []


def agreements_register(pair: TwinPair) -> list[RegisterEntry]:
    """Every agreement of the pair with its register entry (None where none is recorded yet)."""
    agreements = pair.agreements.select_related("register").prefetch_related("register__themes")
    return [RegisterEntry(item, getattr(item, "register", None)) for item in agreements]


@transaction.atomic
def register_agreement(
    *,
    agreement: Agreement,
    status: str = AgreementStatus.IN_FORCE,
    expires_on: dt.date | None = None,
    themes: Sequence[str] = (),
    organisations: Sequence[str] = (),
) -> AgreementDetails:
    """Record (or replace) the register facts of ``agreement``."""
    problems: list[Problem] = []
    if status not in AgreementStatus.values:
        problems.append(
            Problem(
                _("There is no agreement status '%(status)s'; use %(known)s.")
                % {"status": status, "known": ", ".join(AgreementStatus.values)},
                field="status",
            )
        )
    found_themes = list(Theme.objects.filter(code__in=themes))
    missing = sorted(set(themes) - {theme.code for theme in found_themes})
    if missing:
        problems.append(
            Problem(
                _("The themes %(missing)s are not in the taxonomy.") % {"missing": ", ".join(missing)},
                field="themes",
            )
        )
    found_orgs = [org for ref in organisations if (org := organisation(ref, "organisations", problems))]
    if expires_on and agreement.signed_on and expires_on < agreement.signed_on:
        problems.append(Problem(_("An agreement cannot expire before it was signed."), field="expires_on"))
    if problems:
        raise DataError(problems)
    details, _created = AgreementDetails.objects.update_or_create(
        agreement=agreement, defaults={"status": status, "expires_on": expires_on}
    )
    details.themes.set(found_themes)
    details.organisations.set(found_orgs)
    return details
