"""Settings of the plugin, as written under its name in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class NumberedDocumentConfig(Config):
    enabled = c.Type(bool, default=True)
    """Switch the plugin off (the site then has only its hand-written pages)."""
    content_dir = c.Dir(exists=True, default="content")
    """Folder of the content files, relative to mkdocs.yml."""
    document_file = c.Type(str, default="document.yml")
    """The document file inside `content_dir`: metadata, sources and vocabularies."""
    points_dir = c.Type(str, default="points")
    """Folder of point files inside `content_dir`; also where their pages go on the site."""
    full_text_page = c.Type(str, default="full-text.md")
    """Where the page with the full wording of all points goes."""
    glossary_dir = c.Type(str, default="glossary")
    """Folder of glossary files (one YAML file per term) inside `content_dir`; optional."""
    glossary_page = c.Type(str, default="glossary.md")
    """Where the glossary page goes."""
    glossary_links = c.Choice(("page", "section", "all"), default="page")
    """Which mentions of a term become links: the first on each page, the first in each
    section, or all of them."""
    timeline_dir = c.Type(str, default="timeline")
    """Folder of timeline files (one YAML file per event) inside `content_dir`; optional."""
    timeline_page = c.Type(str, default="timeline.md")
    """Where the timeline page goes."""
    actors_page = c.Type(str, default="actors.md")
    """Where the page of actors' profiles goes."""
    parties_dir = c.Type(str, default="parties")
    """Where the page of each party and their overview (with the matrix of points and parties)
    go; empty for none."""
    topics_dir = c.Type(str, default="topics")
    """Where the page of each topic and their overview go; empty for none."""
    drafts_dir = c.Type(str, default="drafts")
    """Where the page of each draft goes (when the document file lists `drafts`); empty for
    none."""
    changes_page = c.Type(str, default="changes.md")
    """Where the page of every change between drafts goes (when the document file lists
    `drafts`); empty for none."""
    data_dir = c.Type(str, default="data")
    """Where the open data goes: JSON with its JSON Schema, CSV, the reference graph."""
    data_page = c.Type(str, default="data.md")
    """Where the page documenting the open data goes; empty for none."""
    link_previews = c.Type(bool, default=False)
    """Mark the plugin's links to points with `data-preview`, so Material's instant previews
    show the point on hover (needs `navigation.instant` and `site_url`; Material then drops the
    link's title, so leave it off where instant navigation is off, as in an offline copy)."""
    nav = c.Choice(("section", "index"), default="section")
    """`section`: point pages are listed in the navigation under the points index (where the
    site's `nav` names the index, the plugin fills in the points); `index`: points are listed
    only on the index page, which keeps the sidebar short for documents with many points."""
    pager = c.Type(bool, default=True)
    """Links to the previous and the next point at the foot of each point page, in the
    document's order; off where the theme's own footer does it (Material's
    `navigation.footer`, with points listed in the navigation)."""
    format_page = c.Type(str, default="contributing/format.md")
    """Where the generated content-format reference goes; empty for none."""
    language = c.Type(str, default="")
    """The language of the generated pages' interface words (a catalog in `locales/`); empty
    for the theme's `language`, so one setting serves the theme and the plugin."""
    templates_dir = c.Type(str, default="")
    """A folder of templates and catalogs that override the plugin's own, file by file; empty
    for `numbered_document` in the theme's `custom_dir`."""
    dump_markdown = c.Type(str, default="")
    """For the benchmark: also write the Markdown of every generated page into this folder."""
