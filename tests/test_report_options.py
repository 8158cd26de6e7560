"""The review report's options (issue 16): goldens, the command line, and the
HTML version rendered in Debian's Chromium (driven by Playwright)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from tui.core.exchange.review_html import html_report
from tui.core.exchange.review_report import Options, markdown_report
from tui.core.model.corpus import load_corpus
from tui.core.review.session import Session

GOLDEN = Path(__file__).parent / "golden"
CHROMIUM = Path("/usr/bin/chromium")
DAY = date(2025, 3, 1)
A0, A1, A3 = "000_f0337515d6951f32", "001_6604a57b5a9e0757", "003_abe2c13c9f7a9bff"


def reviewed(root: Path) -> Session:
    """Two reviewers; alice resets one of her verdicts, and writes a note of two paragraphs."""
    (root / "crossread.toml").write_text('title = "Troops <in> Russia"\n', encoding="utf-8")
    alice = Session(load_corpus(root), "alice")
    alice.set_verdict(f"{A0}#troops-10k", "disputed", "HUR says more than 10,000")
    alice.set_verdict(f"{A1}#troops-11k", "supported")
    alice.set_verdict(f"{A1}#kursk-50k", "false")
    alice.set_verdict(f"{A1}#kursk-50k", "unreviewed")  # a reset is not a verdict
    alice.add_note("First paragraph,\nwrapped.\n\nSecond <b>paragraph</b>.", A1, on="troops-11k")
    alice.link([f"{A1}#troops-11k", f"{A3}#pentagon-10k"], "At least 11,000 vs about 10,000")
    bob = Session(load_corpus(root), "bob")
    bob.set_verdict(f"{A3}#pentagon-10k", "unverifiable")
    return alice


def test_report_golden_with_every_option(corpus_dir: Path) -> None:
    """`crossread export --format markdown --article 001 --article 003 --author alice
    --reviewed-only --since 2025-01-01` on the reviewed corpus."""
    reviewed(corpus_dir)
    corpus = load_corpus(corpus_dir)
    report = markdown_report(corpus, Options((A1, A3), "alice", True, date(2025, 1, 1), DAY))
    assert report == (GOLDEN / "report_options.md").read_text(encoding="utf-8")


def test_report_header_order_reset_and_paragraphs(corpus_dir: Path) -> None:
    reviewed(corpus_dir)
    report = markdown_report(load_corpus(corpus_dir), Options(today=DAY))
    head = report.split("\n## ", 1)[0]
    assert head.startswith("# Review report: Troops \\<in\\> Russia\n")
    assert (
        "- Reviewers: alice, bob\n- Date: 2025-03-01\n- Progress: 3% reviewed\n"
        "- Claims with a verdict: 3 of 96" in head
    )
    a1 = report.split("## Nordkorea und Russland besiegeln", 1)[1].split("\n## ", 1)[0]
    assert (
        "“Moskau habe in Kursk eine Streitmacht von 50.000 Soldaten zusammengezogen, "
        "darunter auch nordkoreanische Soldaten”\n\nVerdict: unreviewed · Source: "
        "Volodymyr Zelensky" in a1
    )  # alice's reset shows as no verdict
    assert "**false**" not in a1
    assert "> First paragraph, wrapped.\n>\n> Second \\<b\\>paragraph\\</b\\>. (alice)" in a1
    starts = [load_corpus(corpus_dir).get(f"{A1}#{i}").start for i in ("troops-11k", "kursk-50k")]
    assert starts[0] < starts[1] and a1.index("mindestens 11.000") < a1.index("Moskau habe")
    # Each quoted side of a contradiction with its outlet and date.
    assert "> — *Nordkorea und Russland besiegeln Militärbündnis*, Telepolis (as of" in report


def test_report_filters(corpus_dir: Path) -> None:
    reviewed(corpus_dir)
    corpus = load_corpus(corpus_dir)
    only = markdown_report(corpus, Options((A3,), reviewed_only=True, today=DAY))
    assert only.count("\n## ") == 1 + 4  # one article, then the link sections and orphans
    assert "**unverifiable** (bob)" in only and "Verdict: unreviewed" not in only
    by_alice = markdown_report(corpus, Options(author="alice", reviewed_only=True, today=DAY))
    assert "- Reviewers: alice" in by_alice and "(bob)" not in by_alice
    later = markdown_report(corpus, Options(since=date(2999, 1, 1), today=DAY))
    assert "**disputed**" not in later and "No claims match the options" in later
    assert "## Contradictions\n\nNone recorded." in later  # curated links carry no date


def test_article_url_is_linked(make_corpus) -> None:  # type: ignore[no-untyped-def]
    root = make_corpus(
        {
            "articles/a.md": "---\ntitle: A\noutlet: Example\nurl: https://news.example/a\n---\n"
            "Kim sagt etwas.\n",
            "articles/b.md": "---\ntitle: B\nurl: 'javascript:alert(1)'\n---\nText.\n",
            "annotations/a.yaml": "version: 1\nannotations:\n  - id: k\n    kind: claim\n"
            "    quote: Kim sagt etwas\n",
        }
    )
    report = markdown_report(load_corpus(root), Options(today=DAY))
    assert "Example · `a` · <https://news.example/a>" in report
    assert "<javascript" not in report and "javascript:alert(1)" in report
    page = html_report(load_corpus(root), Options(today=DAY))
    assert '<a href="https://news.example/a">' in page and 'href="javascript' not in page


def test_cli_report_options(corpus_dir: Path, tmp_path: Path) -> None:
    reviewed(corpus_dir)
    out = tmp_path / "report.md"
    env = dict(os.environ, SOURCE_DATE_EPOCH="1740787200")  # 2025-03-01
    args = [
        sys.executable,
        "-m",
        "tui",
        "export",
        str(corpus_dir),
        "--format",
        "markdown",
        "--article",
        "001",
        "--article",
        "003",
        "--author",
        "alice",
        "--reviewed-only",
        "--since",
        "2025-01-01",
        "-o",
        str(out),
    ]
    done = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == (GOLDEN / "report_options.md").read_text(encoding="utf-8")
    bad = subprocess.run(args[:7] + ["--article", "00"], capture_output=True, text=True, env=env, check=False)
    assert bad.returncode == 2 and "--article 00: ambiguous" in bad.stderr
    wrong = subprocess.run(
        args[:5] + ["--format", "w3c", "--since", "today"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert wrong.returncode == 2 and "go with --format markdown or html" in wrong.stderr


def test_html_report_is_self_contained_and_escaped(corpus_dir: Path) -> None:
    reviewed(corpus_dir)
    page = html_report(load_corpus(corpus_dir), Options(today=DAY))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "src=" not in page and "@import" not in page
    assert "<link" not in page and "url(" not in page
    assert "Troops &lt;in&gt; Russia" in page
    assert "Second &lt;b&gt;paragraph&lt;/b&gt;." in page


def test_html_report_renders_in_chromium(corpus_dir: Path, tmp_path: Path) -> None:
    """The page as Chromium draws it: the text a reader sees, no request made."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "needs Debian's chromium: apt-get install -y chromium (.ci/run does)"
    reviewed(corpus_dir)
    path = tmp_path / "report.html"
    path.write_text(html_report(load_corpus(corpus_dir), Options(today=DAY)), encoding="utf-8")
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            page = browser.new_page(viewport={"width": 900, "height": 1200})
            page.on("request", lambda request: requests.append(request.url))
            page.goto(path.as_uri())
            assert page.title() == "Review report: Troops <in> Russia"
            text = page.inner_text("body")
            page.screenshot(path=str(tmp_path / "report.png"))
            claim = page.locator(".claim", has_text="mindestens 11.000").first
            quotes = claim.locator("blockquote p").all_inner_texts()
            verdict = claim.locator(".verdict").inner_text()
            colour = claim.locator(".verdict").evaluate("e => getComputedStyle(e).backgroundColor")
        finally:
            browser.close()
    assert requests == [path.as_uri()]  # nothing else fetched
    assert "Reviewers: alice, bob" in text and "Date: 2025-03-01" in text
    assert "Claims with a verdict: 3 of 96" in text
    assert quotes == ["First paragraph, wrapped.", "Second <b>paragraph</b>.", "— alice"]
    assert verdict == "supported" and colour == "rgb(215, 240, 215)"
    assert "— Nordkorea und Russland besiegeln Militärbündnis, Telepolis (as of" in text


def test_a_note_is_listed_once(corpus_dir: Path) -> None:
    """A note on a claim's words is listed under that claim, not again under
    "Notes on the text"; a note over two claims' words is listed under the first."""
    alice = Session(load_corpus(corpus_dir), "alice")
    claims = {c.id: c for c in alice.corpus.claims([A0])}
    troops, pioneers = claims["troops-10k"], claims["pioneers-6000"]
    treaty = claims["treaty-last-year"]
    alice.add_note("Over the troop claim's words.", A0, troops.start, troops.end)
    alice.add_note("Across two claims.", A0, pioneers.start, treaty.end)
    alice.add_note("Attached to the troop claim.", A0, on="troops-10k")
    alice.add_note("Before any claim.", A0, 0, 10)
    corpus = load_corpus(corpus_dir)
    report = markdown_report(corpus, Options(articles=(A0,), today=DAY))
    for words in (
        "Over the troop claim's words.",
        "Across two claims.",
        "Attached to the troop claim.",
        "Before any claim.",
    ):
        assert report.count(words) == 1, words
    claims_part, text_part = report.split("### Notes on the text", 1)
    troop_entry = claims_part.split(troops.anchor.quote[:40], 1)[1].split("**", 1)[0]
    assert "Over the troop claim's words." in troop_entry
    assert "Attached to the troop claim." in troop_entry
    pioneer_entry = claims_part.split(" ".join(pioneers.anchor.quote.split())[:40], 1)[1]
    assert "Across two claims." in pioneer_entry.split("**", 1)[0]
    assert "Before any claim." in text_part
    page = html_report(corpus, Options(articles=(A0,), today=DAY))
    for words in ("Over the troop claim", "Across two claims.", "Before any claim."):
        assert page.count(words) == 1, words
