"""Raw HTML and addresses that must never reach a page from the text a contributor writes.

Everything a contributor writes reaches a page escaped (titles, names) or through Markdown
(summaries, wording, context, definitions), and Markdown passes raw HTML through as it is. So
the loader refuses, in every text of every content file, what would run code or change the page
around the text:

- an HTML element other than a few simple inline ones: ``<script>``, ``<iframe>``,
  ``<object>``, ``<embed>``, ``<style>``, ``<form>``, ``<base>``, ``<meta>``, ``<link>``,
  ``<img>``, ``<svg>``, ``<a>``, ``<div>`` and every other (and their end tags, which could
  close the page's own elements); HTML comments, ``<!...>`` declarations and ``<?...?>``;
- an event handler (any ``on…=`` attribute), on any element;
- on the inline elements that are allowed, any attribute but ``title``, ``lang``, ``dir`` and
  ``datetime``, and angle brackets inside an attribute's value;
- a ``<`` that starts a tag but never finishes it (``<script src=x`` at the end of a text);
- a link or image to an address whose scheme is not ``http:``, ``https:`` or ``mailto:``
  (``javascript:``, ``vbscript:``, ``data:`` …), written as a Markdown link, image, reference
  definition or ``<…://…>`` autolink, after undoing character references (``java&#x73;cript:``)
  and removing whitespace and control characters (``jav<TAB>ascript:``), as browsers do;
- in a Markdown attribute list (``{ … }``, from the ``attr_list`` extension): event handlers,
  ``style``, ``srcdoc`` and attributes that hold an address (``href``, ``src`` …);
- a snippet marker (``--8<--``, any number of hyphens either side, escaped with ``;`` or not):
  where a site enables ``pymdownx.snippets``, a line holding one pastes a file of the repository
  (or, with its URL option, of the web) into the page, before any other check sees it.

Allowed: plain text, Markdown, character references (``&lt;script&gt;`` shows as text in a text
read as Markdown; a title or a name is shown as typed, so the schema refuses them there), a
``<`` that starts no tag (``a < b``), ``<http://…>`` and ``<name@host>`` autolinks, and the
inline elements of ``ALLOWED_ELEMENTS`` (``<abbr title="…">``, ``<sup>``, ``<br>`` …) with
the attributes above. The check reads the text as written, not as Markdown will render it: a
tag is refused inside a code span too (write ``&lt;`` to show a bracket there).

The standard library's HTML parser reads tags and attributes as a browser does (quoting,
``<b/onclick=…>``, upper case, line breaks inside a tag); Python-Markdown's own link
processors and patterns find what Markdown will make a link of. Pure functions, no MkDocs.
Like Python-Markdown itself, the parsers slow down quadratically on pathological input
(thousands of unfinished tags in one text); a real text is checked in well under a millisecond.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.attr_list import get_attrs_and_remainder
from markdown.inlinepatterns import (
    AUTOLINK_RE,
    AUTOMAIL_RE,
    IMAGE_LINK_RE,
    LINK_RE,
    ImageInlineProcessor,
    LinkInlineProcessor,
)

ALLOWED_ELEMENTS = frozenset(
    {
        *("abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "ins"),
        *("kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time"),
        *("u", "var", "wbr"),
    }
)
"""Inline elements that change how words look or what they mean, and can hold nothing else."""
ALLOWED_ATTRIBUTES = frozenset({"title", "lang", "dir", "datetime"})
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset(
    {
        *("action", "background", "cite", "code", "codebase", "data", "dynsrc", "formaction"),
        *("href", "icon", "longdesc", "lowsrc", "manifest", "ping", "poster", "profile", "src"),
        *("srcset", "usemap", "xlink:href"),
    }
)
"""Attributes whose value a browser follows or loads as an address."""
REFUSED_ATTRIBUTES = frozenset({"style", "srcdoc"})

ALLOWED_HINT = "only simple inline tags such as <abbr>, <sup> and <br> are allowed"
LINK_HINT = "Link only to http://, https:// or mailto: addresses."

SNIPPET_MARKER = re.compile(r"-+8<-+")
"""pymdownx.snippets' marker (``--8<-- "file.md"``), in any of the forms it reads."""
SNIPPET_HINT = (
    "It pastes a file of the repository into the page where snippets are enabled: quote the "
    "text itself, or write the marker with '&lt;' ('--8&lt;--') to show it."
)
MAYBE_UNSAFE = re.compile(r"[<\[{]")
"""Nothing below can happen in a text without one of these: most texts stop here."""
CLEAN_TAG = re.compile(
    r"<[A-Za-z][A-Za-z0-9]*"
    r"(?:\s+[A-Za-z][A-Za-z-]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*"
    r"\s*/?>"
)
"""An allowed element's start tag in the one plain form whose extent Markdown and browsers agree
on: Markdown copies it as it is, so nothing it renders can land between the attributes."""
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
PLACEHOLDER_MARKS = str.maketrans("\x02\x03", "  ")
"""Python-Markdown's own placeholder delimiters: blanked so its link parser sees plain text."""


@dataclass(frozen=True, order=True)
class Finding:
    """Something in a text that must not reach a page: where it starts, and what it is."""

    start: int
    """Offset in the text checked (where the tag, link or attribute list begins)."""
    found: str
    """What was found, as a contributor can search for it: "raw HTML <script>"."""
    advice: str
    """What to do instead: one sentence."""

    @property
    def message(self) -> str:
        return f"{self.found} is not allowed in content. {self.advice}"


def find_unsafe(text: str) -> list[Finding]:
    """Every unsafe tag, attribute and address in one text (Markdown or plain), in order."""
    if not MAYBE_UNSAFE.search(text):
        return []
    text = text.translate(PLACEHOLDER_MARKS)
    findings = _html_findings(text)
    if "[" in text:  # every Markdown link, image and link definition has one
        findings += _link_findings(text)
    if "{" in text:
        findings += _attribute_list_findings(text)
    if "8<" in text:
        findings += [
            Finding(match.start(), f"the snippet marker '{match.group()}'", SNIPPET_HINT)
            for match in SNIPPET_MARKER.finditer(text)
        ]
    line_starts = [m.end() for m in re.finditer("\n", text)] if findings else []
    unique: dict[tuple[int, str], Finding] = {}  # one finding of a kind per line is enough
    for finding in sorted(findings):
        unique.setdefault((bisect.bisect(line_starts, finding.start), finding.found), finding)
    return list(unique.values())


def find_unsafe_address(text: str) -> list[Finding]:
    """A field that holds one address (a source's ``url``): it becomes ``<address>`` in Markdown,
    so anything but a plain http(s) address would turn into a tag, or a link that runs code."""
    value = text.strip()
    scheme = url_scheme(value)
    if scheme in {"http", "https"} and not re.search(r"[\s<>\"'`]", value):
        return []
    shown = value if len(value) <= 60 else value[:57] + "..."
    return [
        Finding(
            text.find(value[:1]) if value else 0,
            f"the address '{shown}'",
            "Give one http:// or https:// address, without spaces, quotes or angle brackets.",
        )
    ]


def url_scheme(url: str) -> str | None:
    """The scheme a browser would read in an address, lower case; None for a relative one.

    Character references are undone (repeatedly: a value may be escaped twice on its way) and
    whitespace and control characters removed, as browsers ignore them in a scheme."""
    for _ in range(3):
        unescaped = html.unescape(url)
        if unescaped == url:
            break
        url = unescaped
    match = SCHEME.match(INVISIBLE.sub("", url))
    return match.group(1).lower() if match else None


def unsafe_scheme(url: str) -> str | None:
    """The scheme of an address that must not be linked (``javascript`` …), or None."""
    scheme = url_scheme(url)
    return scheme if scheme is not None and scheme not in SAFE_SCHEMES else None


def _link(start: int, scheme: str, what: str = "a link") -> Finding:
    return Finding(start, f"{what} to a '{scheme}:' address", LINK_HINT)


def _address_in(start: int, scheme: str, tag: str, attribute: str) -> Finding:
    return Finding(start, f"a '{scheme}:' address in <{tag} {attribute}>", LINK_HINT)


class _TagReader(HTMLParser):
    """Collects the markup of one text with offsets; character references stay as written,
    so ``&lt;script&gt;`` is text and never a tag."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.findings: list[Finding] = []
        self.refused: set[str] = set()
        self.data: list[tuple[int, str]] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        finding = _start_tag_finding(self.position(), tag, attrs, raw)
        if finding is not None:
            self.findings.append(finding)
            self.refused.add(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED_ELEMENTS and tag not in self.refused:
            self.findings.append(
                Finding(
                    self.position(), f"raw HTML </{tag}>", f"Write plain Markdown; {ALLOWED_HINT}."
                )
            )

    def handle_comment(self, data: str) -> None:
        self.findings.append(
            Finding(
                self.position(),
                "an HTML comment '<!--'",
                "Remove it: comments are published with the page; explain in the pull request.",
            )
        )

    def _markup(self, opening: str) -> None:
        self.findings.append(
            Finding(self.position(), f"the markup '{opening}'", "Write plain Markdown.")
        )

    def handle_decl(self, decl: str) -> None:
        self._markup("<!" + (decl.split() or [""])[0][:12])

    def unknown_decl(self, data: str) -> None:
        self._markup("<![" + data[:8])

    def handle_pi(self, data: str) -> None:
        self._markup("<?")

    def handle_data(self, data: str) -> None:
        if self.cdata_elem is None:  # not the inside of a refused <script> or <style>
            self.data.append((self.position(), data))

    def handle_entityref(self, name: str) -> None:
        self.data.append((self.position(), "&"))  # keeps runs of text apart, harmlessly

    def handle_charref(self, name: str) -> None:
        self.data.append((self.position(), "&"))

    def unfinished(self) -> list[Finding]:
        """Markup the parser gave up on and kept as text: a browser, or Markdown's HTML block
        parser reading the page around the text, could still finish it."""
        findings = []
        runs: list[tuple[int, str]] = []
        for start, data in self.data:
            if runs and runs[-1][0] + len(runs[-1][1]) == start:
                runs[-1] = (runs[-1][0], runs[-1][1] + data)
            else:
                runs.append((start, data))
        for start, data in runs:
            for match in re.finditer(r"<[/!?]?[A-Za-z!?]", data):
                word = re.match(r"<[^\s<>]{0,20}", data[match.start() :])
                shown = word.group() if word else match.group()
                findings.append(
                    Finding(
                        start + match.start(),
                        f"an unfinished HTML tag '{shown}'",
                        "Write plain Markdown; to show a '<' before a letter, write '&lt;' "
                        "(a title or a name shows what is typed: there, reword instead).",
                    )
                )
        return findings


def _start_tag_finding(
    start: int, tag: str, attrs: list[tuple[str, str | None]], raw: str
) -> Finding | None:
    """What is wrong with one start tag, the most dangerous first; None when it is allowed."""
    if ":" in tag:  # <javascript:alert(1)>: not an autolink (those need "://"), so a tag
        scheme = url_scheme(raw[1:]) or tag.split(":")[0]
        return _link(start, scheme)
    shown = f"<{tag}>"
    for name, _ in attrs:
        if name.startswith("on"):
            return Finding(
                start, f"the event handler '{name}' in {shown}", "It runs code: remove it."
            )
    for name, value in attrs:
        scheme = unsafe_scheme(value or "") if name in URL_ATTRIBUTES else None
        if scheme:
            return _address_in(start, scheme, tag, name)
    if tag not in ALLOWED_ELEMENTS:
        return Finding(start, f"raw HTML {shown}", f"Write plain Markdown; {ALLOWED_HINT}.")
    for name, _ in attrs:
        if name not in ALLOWED_ATTRIBUTES:
            allowed = ", ".join(sorted(ALLOWED_ATTRIBUTES))
            return Finding(
                start,
                f"the attribute '{name}' in {shown}",
                f"Remove it; tags may carry only {allowed}.",
            )
    if not CLEAN_TAG.fullmatch(raw):
        return Finding(
            start,
            f"the tag {shown} written with '<', '>' or stray quotes inside",
            f'Write it plainly, as {shown} or <{tag} title="…">, with no angle brackets '
            "in the value.",
        )
    return None


def _html_findings(text: str) -> list[Finding]:
    findings: list[Finding] = []
    if "<" not in text:
        return findings

    def blank(match: re.Match[str]) -> str:
        """An autolink checked, then replaced by spaces (line breaks kept, so offsets hold)."""
        if match.re.pattern == AUTOLINK_RE:
            scheme = unsafe_scheme(match.group(1))
            if scheme:
                findings.append(_link(match.start(), scheme))
        return re.sub(r"[^\n]", " ", match.group())

    text = re.sub(AUTOMAIL_RE, blank, re.sub(AUTOLINK_RE, blank, text))
    reader = _TagReader(text)
    try:
        reader.feed(text)
        reader.close()
    except Exception:  # the parser's own limits ("<![foo[" asserts): never let through
        return [
            *findings,
            *reader.findings,
            Finding(text.find("<"), "markup this check cannot read", "Write plain Markdown."),
        ]
    return [*findings, *reader.findings, *reader.unfinished()]


class _Link(LinkInlineProcessor):
    """Python-Markdown's link parser on its own: no Markdown instance, so no placeholders to
    restore (the text checked has none: ``PLACEHOLDER_MARKS``)."""

    def unescape(self, text: str) -> str:
        return text


class _Image(ImageInlineProcessor):
    def unescape(self, text: str) -> str:
        return text


_LINKS = (_Link(LINK_RE), _Image(IMAGE_LINK_RE))


def _link_findings(text: str) -> list[Finding]:
    """Links and images as Python-Markdown's own processors read them, wherever a '[' could
    start one (inside code too: refusing there costs nothing), and reference definitions."""
    findings = []
    for processor, what in zip(_LINKS, ("a link", "an image"), strict=True):
        if "](" not in text:  # an inline link or image needs one: spare the quadratic search
            break
        for match in processor.compiled_re.finditer(text):
            element, start, _ = processor.handleMatch(match, text)
            if element is None or start is None:
                continue
            scheme = unsafe_scheme(element.get("href") or element.get("src") or "")
            if scheme:
                findings.append(_link(start, scheme, what))
    for match in ReferenceProcessor.RE.finditer(text):
        scheme = unsafe_scheme(match.group(2).lstrip("<").rstrip(">"))
        if scheme:
            findings.append(_link(match.start(), scheme, "a link definition"))
    return findings


def _attribute_list_findings(text: str) -> list[Finding]:
    """``{ … }`` as the attr_list extension reads it; every brace on a line is tried, up to the
    line's last closing brace, which is more than attr_list ever applies."""
    findings = []
    offset = 0
    for line in text.split("\n"):
        end = line.rfind("}")
        for opening in (m.start() for m in re.finditer(r"\{", line)):
            if opening > end:
                break
            attributes, _ = get_attrs_and_remainder(line[opening + 1 : end].lstrip(":"))
            for name, value in attributes:
                key = name.lower()
                # A word alone ("{sic}", "{once}") becomes an empty attribute: harmless.
                if value is not None and (
                    key.startswith("on") or key in REFUSED_ATTRIBUTES or key in URL_ATTRIBUTES
                ):
                    kind = "the event handler" if key.startswith("on") else "the attribute"
                    findings.append(
                        Finding(
                            offset + opening,
                            f"{kind} '{name}' in an attribute list '{{ … }}'",
                            "Remove it: attribute lists are for the site's own pages.",
                        )
                    )
        offset += len(line) + 1
    return findings
