"""One loader module per data source.

Observation sources expose ``load(*, path, geography) -> LoadResult``; geography sources expose a
``read_*`` function. Each module also defines the :class:`~innotwin.core.atlas.model.Source` records
(publisher, dataset, URL, licence) of what it reads. ``innotwin.core.atlas.registry`` lists them all.
"""
