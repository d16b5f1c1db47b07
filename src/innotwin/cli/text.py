"""``innotwin text``: embed texts and measure cross-lingual alignment with the scorer matching uses."""

from __future__ import annotations

import json
from pathlib import Path

import click

from innotwin.config.table import load_settings


def _embedder_option() -> str:
    return str(load_settings()["text_embedder"])


@click.group()
def text() -> None:
    """Cross-lingual text: English and Korean in one vector space."""


@text.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", required=True, type=click.Path(path_type=Path), help="Where to write the .npy file.")
@click.option("--embedder", help="Embedding backend [default: INNOTWIN_TEXT_EMBEDDER].")
def embed(file: Path, out: Path, embedder: str | None) -> None:
    """Embed each line of FILE (one text per line); rows are L2-normalised float32."""
    from innotwin.core.text.align import embed_file

    result = embed_file(file, out=out, embedder=embedder or _embedder_option())
    click.echo(
        f"Wrote {result.rows} × {result.dim} vectors to {result.out} ({result.embedder} {result.version})."
    )


@text.command()
@click.argument("file_a", type=click.Path(path_type=Path))
@click.argument("file_b", type=click.Path(path_type=Path))
@click.option("--embedder", help="Embedding backend [default: INNOTWIN_TEXT_EMBEDDER].")
@click.option(
    "--format", "output_format", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def align(file_a: Path, file_b: Path, embedder: str | None, output_format: str) -> None:
    """Top-1 retrieval accuracy both ways, where line i of FILE_A translates line i of FILE_B."""
    from innotwin.core.text.align import align as align_lines
    from innotwin.core.text.align import read_lines
    from innotwin.core.text.scoring import HybridScorer

    result = align_lines(
        read_lines(file_a), read_lines(file_b), scorer=HybridScorer(embedder=embedder or _embedder_option())
    )
    report = {
        "lines": result.size,
        "a_to_b": round(result.a_to_b, 4),
        "b_to_a": round(result.b_to_a, 4),
        "scorer": result.scorer,
        "seconds": round(result.seconds, 2),
    }
    if output_format == "json":
        click.echo(json.dumps(report, ensure_ascii=False))
    else:
        click.echo(
            f"{result.size} lines: A→B top-1 {result.a_to_b:.3f}, B→A top-1 {result.b_to_a:.3f} "
            f"({result.scorer}, {result.seconds:.1f} s scoring)"
        )
