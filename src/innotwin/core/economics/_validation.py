"""Input checks shared by the formula modules; every failure is a :class:`~innotwin.core.errors.DataError`."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from innotwin.core.errors import DataError

__all__ = ["as_binary_matrix", "as_matrix", "as_vector", "floats", "invalid"]


def floats(values: object) -> NDArray[np.float64]:
    """``values`` typed as a float array; numpy's stubs type arithmetic on arrays as ``Any``."""
    return np.asarray(values, dtype=np.float64)


def invalid(parameter: str, owner: str, requirement: str, got: object) -> DataError:
    """The error for one bad argument, worded the scikit-learn way."""
    return DataError(f"The '{parameter}' parameter of {owner} must be {requirement}. Got {got} instead.")


def as_matrix(values: ArrayLike, *, parameter: str, owner: str) -> NDArray[np.float64]:
    """``values`` as a 2-D float array of finite, non-negative numbers (a copy; the caller's data is kept)."""
    try:
        matrix = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise invalid(parameter, owner, "a 2-D array of numbers", type(values).__name__) from error
    if matrix.ndim != 2:
        raise invalid(parameter, owner, "a 2-D array (regions × industries)", f"{matrix.ndim} dimension(s)")
    if not np.isfinite(matrix).all():
        raise invalid(parameter, owner, "finite (fill suppressed cells explicitly)", "NaN or infinity")
    if (matrix < 0).any():
        raise invalid(parameter, owner, "non-negative", f"minimum {float(matrix.min())!r}")
    return matrix


def as_binary_matrix(values: ArrayLike, *, parameter: str, owner: str) -> NDArray[np.float64]:
    """``values`` as a 2-D float array of zeros and ones."""
    matrix = as_matrix(values, parameter=parameter, owner=owner)
    if not ((matrix == 0.0) | (matrix == 1.0)).all():
        raise invalid(parameter, owner, "binary (0 or 1 in every cell)", "other values")
    return matrix


def as_vector(
    values: ArrayLike, *, parameter: str, owner: str, length: int | None = None
) -> NDArray[np.float64]:
    """``values`` as a 1-D float array (NaN allowed: missing stays missing), of ``length`` if given."""
    try:
        vector = np.array(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise invalid(parameter, owner, "a 1-D array of numbers", type(values).__name__) from error
    if vector.ndim != 1:
        raise invalid(parameter, owner, "a 1-D array", f"{vector.ndim} dimension(s)")
    if length is not None and vector.shape[0] != length:
        raise invalid(parameter, owner, f"of length {length}", f"length {vector.shape[0]}")
    return vector
