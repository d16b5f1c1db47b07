"""The registry's closed vocabularies with their translated labels.

Codes are those of :mod:`innotwin.core.registry.vocabulary` (which also knows the words import files may
use); a test keeps the two in step.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

ORGANISATION_REGION_LEVELS = ("uk-lad", "uk-combined-authority", "kr-sido", "kr-sigungu")
"""Levels of region an organisation is placed in: where it is, never a statistical aggregate (an ITL or
OECD region), so that a place name such as 'Belfast' names one region."""


class OrganisationType(models.TextChoices):
    SME = "sme", _("SME")
    LARGE_COMPANY = "large_company", _("Large company")
    UNIVERSITY = "university", _("University")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    PUBLIC_BODY = "public_body", _("Public body")
    CLUSTER = "cluster", _("Cluster or intermediary")
    INVESTOR = "investor", _("Investor")


class SizeBand(models.TextChoices):
    UNKNOWN = "", _("Not stated")
    MICRO = "micro", _("Micro (fewer than 10 staff)")
    SMALL = "small", _("Small (10–49 staff)")
    MEDIUM = "medium", _("Medium (50–249 staff)")
    LARGE = "large", _("Large (250 or more staff)")


class Verification(models.TextChoices):
    UNVERIFIED = "unverified", _("Not yet verified")
    REGISTER = "register", _("From an official register")
    VERIFIED = "verified", _("Verified by a coordinator")


class TextOrigin(models.TextChoices):
    ORIGINAL = "original", _("Original")
    TRANSLATION = "translation", _("Human translation")
    MACHINE = "machine", _("Machine translation")


class IndustryScheme(models.TextChoices):
    UK_SIC = "uk-sic2007", _("UK SIC 2007")
    KSIC = "ksic10", _("KSIC")
    ISIC = "isic4", _("ISIC Rev.4")


class OpportunityKind(models.TextChoices):
    TECHNOLOGY_OFFER = "technology_offer", _("Technology offer")
    TECHNOLOGY_REQUEST = "technology_request", _("Technology request")
    BUSINESS_OFFER = "business_offer", _("Business offer")
    BUSINESS_REQUEST = "business_request", _("Business request")
    RESEARCH_PARTNER_REQUEST = "research_partner_request", _("Research partner request")
    POLICY_EXCHANGE_OFFER = "policy_exchange_offer", _("Policy exchange offer")
    POLICY_EXCHANGE_REQUEST = "policy_exchange_request", _("Policy exchange request")


BUSINESS_KINDS = (OpportunityKind.BUSINESS_OFFER, OpportunityKind.BUSINESS_REQUEST)


class BusinessKind(models.TextChoices):
    NONE = "", _("Not applicable")
    DISTRIBUTION = "distribution", _("Distribution")
    SUPPLY = "supply", _("Supply")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    INVESTMENT = "investment", _("Investment")


class PartnerRole(models.TextChoices):
    ANY = "", _("Any role")
    RESEARCH_PARTNER = "research_partner", _("Research partner")
    TECHNOLOGY_PARTNER = "technology_partner", _("Technology partner")
    CUSTOMER = "customer", _("Customer")
    SUPPLIER = "supplier", _("Supplier")
    DISTRIBUTOR = "distributor", _("Distributor")
    MANUFACTURER = "manufacturer", _("Manufacturer")
    INVESTOR = "investor", _("Investor")
    LICENSEE = "licensee", _("Licensee")
    POLICY_PARTNER = "policy_partner", _("Policy partner")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea or concept")
    DEVELOPMENT = "development", _("In development")
    PROTOTYPE = "prototype", _("Prototype or pilot")
    PROVEN = "proven", _("Proven in real conditions")
    MARKET = "market", _("On the market")


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for moderation")
    PUBLISHED = "published", _("Published")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ConsentPurpose(models.TextChoices):
    LISTED_CONTACT = "listed_contact", _("Be listed as a contact of the organisation")
    PROGRAMME_MESSAGES = "programme_messages", _("Receive messages from the programme about partnering")


CONSENT_STATEMENTS = {
    ConsentPurpose.LISTED_CONTACT: _(
        "I agree that my name, job title, email address and telephone number are shown as a contact of this "
        "organisation to people signed in to innotwin, until I withdraw this consent."
    ),
    ConsentPurpose.PROGRAMME_MESSAGES: _(
        "I agree that the programme's coordinators may write to me about partnering opportunities, until I "
        "withdraw this consent."
    ),
}
"""The statement a person agrees to for each purpose; its words in the person's language are stored."""


ISIC_SECTIONS = {
    "A": _("Agriculture, forestry and fishing"),
    "B": _("Mining and quarrying"),
    "C": _("Manufacturing"),
    "D": _("Electricity, gas, steam and air conditioning supply"),
    "E": _("Water supply, sewerage and waste management"),
    "F": _("Construction"),
    "G": _("Wholesale and retail trade; repair of motor vehicles"),
    "H": _("Transportation and storage"),
    "I": _("Accommodation and food services"),
    "J": _("Information and communication"),
    "K": _("Financial and insurance activities"),
    "L": _("Real estate activities"),
    "M": _("Professional, scientific and technical activities"),
    "N": _("Administrative and support services"),
    "O": _("Public administration and defence"),
    "P": _("Education"),
    "Q": _("Human health and social work"),
    "R": _("Arts, entertainment and recreation"),
    "S": _("Other service activities"),
    "T": _("Activities of households as employers"),
    "U": _("Activities of extraterritorial organisations"),
}
"""The 21 sections of ISIC Rev.4 (short titles), by which the directory filters industries."""
