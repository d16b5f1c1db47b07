"""The versioned REST API: ``/api/v1/``, with its OpenAPI schema and a browsable docs page."""

from __future__ import annotations

from ninja import NinjaAPI

from innotwin.api.auth import TokenAuth
from innotwin.api.errors import install_error_handlers
from innotwin.atlas.api import router as atlas_router
from innotwin.discovery.api import router as discovery_router
from innotwin.impact.api import router as impact_router
from innotwin.library.api import router as library_router
from innotwin.matching.api import router as matching_router
from innotwin.missions.api import router as missions_router
from innotwin.organisations.api import me_router, organisations_router, profiles_router
from innotwin.pairs.api import router as pairs_router
from innotwin.regions.api import router as regions_router
from innotwin.roadmaps.api import router as roadmaps_router

api_v1 = NinjaAPI(
    title="innotwin API",
    version="1",
    description="City innovation twinning: regions, twin pairs and everything that hangs on them. "
    'Errors always have the shape {"error": {"code", "message", "details"}}.',
    urls_namespace="api-v1",
    auth=TokenAuth(),
    openapi_url="/openapi.json",
    docs_url="/docs",
)
install_error_handlers(api_v1)
api_v1.add_router("/regions", regions_router)
api_v1.add_router("/pairs", pairs_router)
api_v1.add_router("", atlas_router)
api_v1.add_router("/discovery", discovery_router)
api_v1.add_router("/organisations", organisations_router)
api_v1.add_router("/profiles", profiles_router)
api_v1.add_router("/me", me_router)
api_v1.add_router("/library", library_router)
api_v1.add_router("/roadmaps", roadmaps_router)
api_v1.add_router("/matching", matching_router)
api_v1.add_router("/missions", missions_router)
api_v1.add_router("/impact", impact_router)
