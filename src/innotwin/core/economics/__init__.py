"""Economic-geography formulas, one family per module, each citing its paper.

=========================  =====================================================================
module                     formulas
=========================  =====================================================================
``shares``                 shares within regions, industries or the total (Isard 1960)
``rca``                    revealed comparative advantage / location quotient (Balassa 1965),
                           symmetric RCA (Dalum et al. 1998), the binary specialisation matrix
``diversity``              diversity and ubiquity (Hidalgo & Hausmann 2009)
``complexity``             ECI and PCI: eigenvector (Mealy et al. 2019) or reflections
                           (Hidalgo & Hausmann 2009)
``proximity``              industry proximity from co-location (Hidalgo et al. 2007)
``density``                relatedness density (Hidalgo et al. 2007; 2018)
``per_capita``             values per inhabitant
``ppp``                    conversion to PPP US dollars with an OECD rate the caller supplies
=========================  =====================================================================

Every function takes plain arrays (regions in rows, industries in columns) and returns new arrays; the
worked examples are in ``docs/methods/atlas.md``.
"""

from innotwin.core.economics.complexity import ComplexityResult, economic_complexity
from innotwin.core.economics.density import relatedness_density
from innotwin.core.economics.diversity import diversity, ubiquity
from innotwin.core.economics.per_capita import per_capita
from innotwin.core.economics.ppp import PPPRate, to_ppp_dollars
from innotwin.core.economics.proximity import proximity
from innotwin.core.economics.rca import revealed_comparative_advantage, specialisation_matrix, symmetric_rca
from innotwin.core.economics.shares import shares

__all__ = [
    "ComplexityResult",
    "PPPRate",
    "diversity",
    "economic_complexity",
    "per_capita",
    "proximity",
    "relatedness_density",
    "revealed_comparative_advantage",
    "shares",
    "specialisation_matrix",
    "symmetric_rca",
    "to_ppp_dollars",
    "ubiquity",
]
