"""Every ```python and ```sh block of the README runs as pasted, from a copy of the checkout's
sample files, in the order the README gives them.

A block may be marked by an HTML comment on the line before it:
- `<!-- readme-test: skip ... -->`: not run here (the install commands: `.ci/run` runs them as
  written, and this test checks that it does);
- `<!-- readme-test: instead: COMMAND -->`: COMMAND is run in its place (a local equivalent of a
  command that needs a cluster, said in the README's text too).
A ```python or ```toml block whose first line is `# NAME.py` / `# NAME.toml` is also saved as
NAME in the work folder before any block runs, so the blocks that use it find it.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

README = ROOT / "README.md"
_BLOCK = re.compile(
    r"(?:<!-- readme-test: (?P<mark>[^\n]*?) -->\n)?```(?P<lang>[a-z]+)\n(?P<body>.*?)\n```",
    re.DOTALL,
)
_NAMED = re.compile(r"# ([\w.-]+\.(?:py|toml))\b")


@dataclass(frozen=True)
class Block:
    index: int
    lang: str
    body: str
    mark: str
    line: int

    @property
    def name(self) -> str | None:
        m = _NAMED.match(self.body)
        return m.group(1) if m else None


def blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    return [
        Block(i, m["lang"], m["body"], m["mark"] or "", text.count("\n", 0, m.start("body")) + 1)
        for i, m in enumerate(_BLOCK.finditer(text))
    ]


RUNNABLE = [b for b in blocks() if b.lang in ("python", "sh") and not b.mark.startswith("skip")]


def _write_inputs(work: Path) -> None:
    """The checkout's sample files, and the inputs the README's examples name."""
    shutil.copytree(SAMPLES, work / "corpus_samples")
    shutil.copytree(ROOT / "tests" / "data" / "gold", work / "tests" / "data" / "gold")
    shutil.copytree(ROOT / "eval", work / "eval")
    pages = sorted(p for p in SAMPLES.glob("*.txt") if not p.name.endswith(".expected.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    (work / "page.txt").write_text(texts[0], encoding="utf-8")
    (work / "page1.txt").write_text(texts[1], encoding="utf-8")
    (work / "page2.txt").write_text(texts[2], encoding="utf-8")
    for i, text in enumerate(texts):
        sub = work / "dump" / ("a/b" if i % 3 == 0 else "")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{pages[i].stem}.txt").write_text(text, encoding="utf-8")
        (sub / f"{pages[i].stem}.html.txt").write_text(text, encoding="utf-8")
    records = [{"id": i, "text": t} for i, t in enumerate(texts)]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    with gzip.open(work / "dump.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(lines)
    (work / "dump.jsonl").write_text(lines, encoding="utf-8")
    (work / "train.json").write_text(lines, encoding="utf-8")  # JSON Lines as datasets writes
    (work / "crawl").mkdir()
    (work / "crawl" / "part-0.jsonl").write_text(
        "".join(json.dumps({"id": i, "content": t}, ensure_ascii=False) + "\n"
                for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - the test extra has pyarrow
        return
    pq.write_table(pa.table({"id": list(range(len(texts))), "text": texts}), work / "pages.parquet")


def _shim(folder: Path, name: str, command: str) -> None:
    path = folder / name
    path.write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("readme")
    _write_inputs(work)
    for b in blocks():
        if b.name:
            (work / b.name).write_text(b.body + "\n", encoding="utf-8")
    # `hindiclean` and `python` are this interpreter's, as after `. .venv/bin/activate`.
    bin_dir = work / ".bin"
    bin_dir.mkdir()
    _shim(bin_dir, "python", f'"{sys.executable}"')
    _shim(bin_dir, "hindiclean", f'"{sys.executable}" -m hindiclean')
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), env["PATH"]])
    env.pop("PYSPARK_PYTHON", None)
    env.update(
        SPARK_LOCAL_IP="127.0.0.1",  # no network here but the loopback
        HF_HOME=str(work / ".hf"),
        HF_HUB_OFFLINE="1",
        NO_COLOR="1",
    )
    return work, env


@pytest.mark.parametrize("block", RUNNABLE, ids=lambda b: f"{b.lang}@line{b.line}")
def test_readme_block_runs_as_pasted(block: Block, workspace) -> None:
    work, env = workspace
    if block.lang == "python":
        script = work / (block.name or f"snippet_{block.index}.py")
        if not block.name:
            script.write_text(block.body + "\n", encoding="utf-8")
        cmd = [sys.executable, script.name]
    else:
        body = block.mark.removeprefix("instead:").strip() if block.mark else block.body
        cmd = ["bash", "-e", "-c", body]
    res = subprocess.run(
        cmd, cwd=work, env=env, capture_output=True, text=True, encoding="utf-8", timeout=600
    )
    assert res.returncode == 0, f"README line {block.line}:\n{block.body}\n{res.stdout}\n{res.stderr}"
    assert "Traceback" not in res.stderr, res.stderr


def test_every_mark_is_known_and_the_blocks_are_found() -> None:
    found = blocks()
    assert len(found) >= 15
    for b in found:
        assert b.mark == "" or b.mark.startswith(("skip", "instead: ")), b.mark
    langs = {b.lang for b in RUNNABLE}
    assert langs == {"python", "sh"}


def test_first_screen_gives_the_two_commands_that_ci_runs_as_written() -> None:
    text = README.read_text(encoding="utf-8")
    first_screen = "\n".join(text.splitlines()[:30])
    install, tests = [b for b in blocks() if b.mark.startswith("skip")][:2]
    assert install.body in first_screen and tests.body in first_screen
    assert "pip install -e . &&" in install.body and "hindiclean clean corpus_samples/" in install.body
    assert "[test]" not in install.body  # the core alone: no test or integration extras
    assert "pip install -e '.[test]'" in tests.body and "pytest" in tests.body
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install.body in ci and tests.body in ci
    assert ci.index(install.body) < ci.index(tests.body)
