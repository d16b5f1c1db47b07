"""innotwin: an open platform for data-led city innovation twinning."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("innotwin")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
