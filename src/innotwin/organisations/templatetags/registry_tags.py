"""Template helpers of the registry's pages."""

from __future__ import annotations

from typing import Any

from django import template

from innotwin.organisations.enums import ISIC_SECTIONS, OrganisationType

register = template.Library()


@register.filter
def section_name(letter: str) -> str:
    """The translated short title of an ISIC section letter."""
    return str(ISIC_SECTIONS.get(letter, letter))


@register.filter
def type_name(code: str) -> str:
    return str(dict(OrganisationType.choices).get(code, code))


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")


@register.inclusion_tag("organisations/_text.html", takes_context=True)
def bilingual(context: dict[str, Any], text: Any, element: str = "p", truncate: int = 0) -> dict[str, Any]:
    """A bilingual text in its language (``lang``), flagged when it is a machine translation or is not in
    the page's language."""
    return {
        "text": text,
        "element": element,
        "truncate": truncate,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", "en"),
    }
