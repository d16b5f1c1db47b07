"""Organisations of the twin cities, their contact people and consent, their opportunity profiles, and the
audit log of every change to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from innotwin.bilingual import pick
from innotwin.organisations.enums import (
    BusinessKind,
    ConsentPurpose,
    IndustryScheme,
    OpportunityKind,
    OrganisationType,
    PartnerRole,
    ProfileStatus,
    SizeBand,
    Stage,
    TextOrigin,
    Verification,
)
from innotwin.pairs.models import Pillar
from innotwin.regions.models import Region


@dataclass(frozen=True)
class ShownText:
    """A bilingual text as shown to one reader: the words, their language and where they came from."""

    text: str
    language: str
    origin: str

    @property
    def machine(self) -> bool:
        return self.origin == TextOrigin.MACHINE

    @property
    def translated(self) -> bool:
        return self.origin == TextOrigin.TRANSLATION

    def __str__(self) -> str:
        return self.text


def shown(obj: Any, field: str) -> ShownText | None:
    """``obj.<field>_ko`` for a Korean reader, ``_en`` otherwise, each falling back to the other."""
    first = "ko" if (get_language() or "en").startswith("ko") else "en"
    for language in (first, "en" if first == "ko" else "ko"):
        text = getattr(obj, f"{field}_{language}")
        if text:
            return ShownText(text, language, getattr(obj, f"{field}_{language}_origin", TextOrigin.ORIGINAL))
    return None


def _origin(verbose: str) -> models.CharField[str, str]:
    return models.CharField(verbose, max_length=16, choices=TextOrigin.choices, default=TextOrigin.ORIGINAL)


class Organisation(models.Model):
    """A company, university, research institute, public body, cluster or investor in a twin region."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_ko = models.CharField(_("name in Korean"), max_length=200, blank=True)
    type = models.CharField(_("type"), max_length=32, choices=OrganisationType.choices)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("region")
    )
    size_band = models.CharField(_("size"), max_length=16, choices=SizeBand.choices, blank=True, default="")
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    description_en_origin = _origin(_("origin of the English description"))
    description_ko = models.TextField(_("description in Korean"), blank=True)
    description_ko_origin = _origin(_("origin of the Korean description"))
    keywords_en = models.CharField(_("capabilities in English"), max_length=2000, blank=True)
    keywords_en_origin = _origin(_("origin of the English capabilities"))
    keywords_ko = models.CharField(_("capabilities in Korean"), max_length=2000, blank=True)
    keywords_ko_origin = _origin(_("origin of the Korean capabilities"))
    verification = models.CharField(
        _("verification"), max_length=16, choices=Verification.choices, default=Verification.UNVERIFIED
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="organisations", blank=True, verbose_name=_("members")
    )
    source = models.CharField(
        _("source"), max_length=32, blank=True, help_text=_("The register it was imported from, if any.")
    )
    external_id = models.CharField(_("register number"), max_length=64, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    locality = models.CharField(_("town or city"), max_length=100, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_en", "name_ko", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id=""),
                name="unique_organisation_register_number",
            ),
            models.CheckConstraint(
                condition=~(models.Q(name_en="") & models.Q(name_ko="")), name="organisation_has_a_name"
            ),
        ]
        indexes = [models.Index(fields=["type", "region"], name="organisation_type_region")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)

    @property
    def name_language(self) -> str:
        """The language of :attr:`name` (``en`` or ``ko``)."""
        return "ko" if self.name == self.name_ko and self.name_ko else "en"

    @property
    def other_name(self) -> str:
        """The name in the reader's other language, when it differs."""
        other = self.name_en if self.name_language == "ko" else self.name_ko
        return other if other and other != self.name else ""

    @property
    def other_name_language(self) -> str:
        return "en" if self.name_language == "ko" else "ko"

    @property
    def sections(self) -> list[str]:
        """ISIC section letters of the organisation's industries (from prefetched industries)."""
        letters = {letter for industry in self.industries.all() for letter in industry.isic_sections}
        return sorted(letters)

    @property
    def description(self) -> ShownText | None:
        return shown(self, "description")

    @property
    def keywords(self) -> ShownText | None:
        return shown(self, "keywords")

    @property
    def keyword_list(self) -> list[str]:
        text = self.keywords
        return [word.strip() for word in text.text.split(";") if word.strip()] if text else []

    @property
    def languages(self) -> list[str]:
        """The languages the organisation's texts are written in."""
        fields = {"en": (self.name_en, self.description_en), "ko": (self.name_ko, self.description_ko)}
        return [language for language, texts in fields.items() if any(texts)]


class IndustryCodeBase(models.Model):
    """An industry code as given (UK SIC 2007, KSIC or ISIC), with its harmonised ISIC Rev.4 group."""

    scheme = models.CharField(_("classification"), max_length=16, choices=IndustryScheme.choices)
    code = models.CharField(_("code"), max_length=8)
    isic_group = models.CharField(_("ISIC Rev.4 group"), max_length=16)
    isic_sections = models.CharField(_("ISIC Rev.4 sections"), max_length=8, db_index=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()} {self.code}"


class OrganisationIndustry(IndustryCodeBase):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="industries")

    class Meta(IndustryCodeBase.Meta):
        verbose_name = _("industry of an organisation")
        verbose_name_plural = _("industries of organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "scheme", "code"], name="unique_organisation_industry"
            )
        ]


class Person(models.Model):
    """A contact person of an organisation. Shown only to signed-in people, and only with consent."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_records",
    )
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name or str(_("(erased)"))

    @property
    def erased(self) -> bool:
        return self.erased_at is not None

    def has_consent(self, purpose: str = ConsentPurpose.LISTED_CONTACT) -> bool:
        return any(c.purpose == purpose and c.withdrawn_at is None for c in self.consents.all())


class ConsentRecord(models.Model):
    """What a person agreed to, in the words they were shown, and when (and when they withdrew it)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    statement = models.TextField(_("statement agreed to"))
    language = models.CharField(_("language of the statement"), max_length=8)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["given_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%Y-%m-%d})"


class OpportunityProfile(models.Model):
    """What an organisation offers or seeks: technology, business, a research partner, policy exchange."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="profiles")
    kind = models.CharField(_("kind"), max_length=32, choices=OpportunityKind.choices)
    business_kind = models.CharField(
        _("kind of business"), max_length=16, choices=BusinessKind.choices, blank=True, default=""
    )
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_en_origin = _origin(_("origin of the English title"))
    title_ko = models.CharField(_("title in Korean"), max_length=200, blank=True)
    title_ko_origin = _origin(_("origin of the Korean title"))
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_en_origin = _origin(_("origin of the English summary"))
    summary_ko = models.TextField(_("summary in Korean"), blank=True)
    summary_ko_origin = _origin(_("origin of the Korean summary"))
    pillar = models.ForeignKey(
        Pillar, on_delete=models.PROTECT, related_name="profiles", verbose_name=_("pillar")
    )
    partner_types = models.JSONField(_("types of partner sought"), default=list, blank=True)
    partner_size = models.CharField(
        _("size of partner sought"), max_length=16, choices=SizeBand.choices, blank=True, default=""
    )
    partner_role = models.CharField(
        _("role of partner sought"), max_length=32, choices=PartnerRole.choices, blank=True, default=""
    )
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices)
    expires_on = models.DateField(_("expires on"))
    status = models.CharField(
        _("status"), max_length=16, choices=ProfileStatus.choices, default=ProfileStatus.DRAFT
    )
    moderation_note = models.TextField(_("note from the moderator"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("opportunity profile")
        verbose_name_plural = _("opportunity profiles")
        ordering = ["-published_at", "-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(title_en="") & models.Q(title_ko="")), name="profile_has_a_title"
            )
        ]
        indexes = [models.Index(fields=["status", "expires_on"], name="profile_status_expiry")]

    def __str__(self) -> str:
        return str(self.title)

    @property
    def title(self) -> ShownText:
        return shown(self, "title") or ShownText("", "en", TextOrigin.ORIGINAL)

    @property
    def summary(self) -> ShownText | None:
        return shown(self, "summary")

    @property
    def is_live(self) -> bool:
        """Published and not past its expiry date: what the public sees."""
        return self.status == ProfileStatus.PUBLISHED and self.expires_on >= timezone.localdate()

    def get_partner_types_display(self) -> list[str]:
        labels = dict(OrganisationType.choices)
        return [str(labels.get(code, code)) for code in self.partner_types]


class ProfileIndustry(IndustryCodeBase):
    profile = models.ForeignKey(OpportunityProfile, on_delete=models.CASCADE, related_name="industries")

    class Meta(IndustryCodeBase.Meta):
        verbose_name = _("industry of a profile")
        verbose_name_plural = _("industries of profiles")
        constraints = [
            models.UniqueConstraint(fields=["profile", "scheme", "code"], name="unique_profile_industry")
        ]


class AuditEntry(models.Model):
    """Who changed what, and when. Written by the domain functions, never edited."""

    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor_label = models.CharField(_("by"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=64)
    object_type = models.CharField(_("object type"), max_length=64)
    object_id = models.CharField(_("object id"), max_length=64)
    object_label = models.CharField(_("object"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_label}"
