"""What the library's verbs share: the embedder, the texts a document is searched by, its passages,
and the checks on its metadata."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Mapping, Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, Problem
from innotwin.core.library import MemoEmbedder, encode_vector, split_passages
from innotwin.core.text import Embedder, analyse, get_embedder
from innotwin.library.enums import CASE_STUDY_PARTS, DocumentKind
from innotwin.library.models import Document, DocumentTheme, Passage
from innotwin.library.themes import theme_ids
from innotwin.pairs.models import Pillar, TwinPair
from innotwin.regions.models import Region

_EMBEDDERS: dict[str, MemoEmbedder] = {}
_LOCK = threading.Lock()


def library_embedder() -> Embedder:
    """The configured text embedder (``INNOTWIN_TEXT_EMBEDDER``), remembering what it has embedded."""
    name = str(settings.CONFIG["text_embedder"])
    with _LOCK:
        if name not in _EMBEDDERS:
            _EMBEDDERS[name] = MemoEmbedder(get_embedder(name))
        return _EMBEDDERS[name]


def document_sources(document: Document) -> dict[str, str]:
    """The texts a document is searched by, keyed by source name (see :class:`Passage`)."""
    sources: dict[str, str] = {}
    for language in ("en", "ko"):
        title, summary = getattr(document, f"title_{language}"), getattr(document, f"summary_{language}")
        about = "\n\n".join(part for part in (title, summary) if part)
        if about:
            sources[f"about_{language}"] = about
    if document.text:
        sources["text"] = document.text
    case = getattr(document, "case_study", None) if document.pk else None
    if case is not None:
        for stem, _label in CASE_STUDY_PARTS:
            for language in ("en", "ko"):
                value = getattr(case, f"{stem}_{language}")
                if value:
                    sources[f"{stem}_{language}"] = value
    return sources


def index_document(document: Document) -> int:
    """Replace the document's passages with fresh ones (split, analysed, embedded); returns how many."""
    embedder = library_embedder()
    rows: list[tuple[str, int, int, str, str]] = []
    for source, text in document_sources(document).items():
        rows.extend((source, p.start, p.end, p.text, p.language) for p in split_passages(text))
    vectors = embedder.embed([row[3] for row in rows])
    document.passages.all().delete()
    Passage.objects.bulk_create(
        Passage(
            document=document,
            position=position,
            source=source,
            start=start,
            end=end,
            text=text,
            language=language,
            terms=" ".join(term for term in analyse(text) if term.strip()),
            vector=encode_vector(vector),
            embedder=embedder.name,
            embedder_version=embedder.version,
        )
        for position, ((source, start, end, text, language), vector) in enumerate(
            zip(rows, vectors, strict=True)
        )
    )
    document.indexed_at = timezone.now()
    Document.objects.filter(pk=document.pk).update(indexed_at=document.indexed_at)
    return len(rows)


def set_themes(document: Document, themes: Iterable[str]) -> None:
    """Make ``themes`` the document's themes, in the given order."""
    document.themes.all().delete()
    DocumentTheme.objects.bulk_create(
        DocumentTheme(document=document, theme=item) for item in dict.fromkeys(themes)
    )


def check_metadata(
    *,
    kind: str,
    themes: Sequence[str],
    pillar: str | None,
    region: str | None,
    pairs: Sequence[str],
    source_url: str,
    published_on: dt.date | None,
) -> tuple[Region | None, Pillar | None, list[TwinPair]]:
    """The region, pillar and pairs named by the metadata; :class:`DataError` lists every problem."""
    problems: list[Problem] = []
    if kind not in DocumentKind.values:
        problems.append(
            Problem(
                _("The type %(kind)s is not known; choose one of %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(DocumentKind.values)},
                field="kind",
            )
        )
    unknown = [item for item in themes if item not in theme_ids()]
    if unknown:
        problems.append(
            Problem(
                _("The themes %(unknown)s are not in the taxonomy; known themes: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(theme_ids())},
                field="themes",
            )
        )
    found_pillar = Pillar.objects.filter(code=pillar).first() if pillar else None
    if pillar and found_pillar is None:
        problems.append(Problem(_("There is no pillar %(pillar)s.") % {"pillar": pillar}, field="pillar"))
    found_region = Region.objects.filter(code=region).first() if region else None
    if region and found_region is None:
        problems.append(
            Problem(_("There is no region with the code %(code)s.") % {"code": region}, field="region")
        )
    found_pairs = list(TwinPair.objects.filter(slug__in=pairs))
    missing = sorted(set(pairs) - {pair.slug for pair in found_pairs})
    if missing:
        problems.append(
            Problem(_("There is no twin pair %(slugs)s.") % {"slugs": ", ".join(missing)}, field="pairs")
        )
    if source_url:
        try:
            URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            problems.append(
                Problem(
                    _("The source must be a web address starting with http:// or https://."),
                    field="source_url",
                )
            )
    if published_on is not None and published_on > dt.date.today() + dt.timedelta(days=366):
        problems.append(Problem(_("The date lies more than a year in the future."), field="published_on"))
    if problems:
        raise DataError(problems)
    return found_region, found_pillar, found_pairs


def case_study_values(values: Mapping[str, str] | None) -> dict[str, str]:
    """The case-study fields of ``values`` (unknown keys are an error)."""
    if not values:
        return {}
    allowed = {f"{stem}_{language}" for stem, _label in CASE_STUDY_PARTS for language in ("en", "ko")} | {
        "contacts"
    }
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise DataError(
            [
                Problem(
                    _("A case study has no part %(parts)s; its parts are %(allowed)s.")
                    % {"parts": ", ".join(unknown), "allowed": ", ".join(sorted(allowed))},
                    field="case_study",
                )
            ]
        )
    return {key: str(value).strip() for key, value in values.items()}
