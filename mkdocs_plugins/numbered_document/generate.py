"""The site as plain files, for a builder that runs no MkDocs plugin (Zensical reads
`mkdocs.yml` but not third-party plugins): every generated page as finished Markdown, with its
late lists ("Refers to", "Used in") written in, the hand-written pages beside them, the data
files and the plugin's assets, and an `mkdocs.yml` without the plugin that lists them.

``python -m mkdocs_plugins.numbered_document generate OUT`` (with ``-f mkdocs.yml``). What it
cannot carry: links the plugin makes in prose ("point 21", glossary terms) are found while a page
is converted, inside the builder, so the plain site has the text without those links.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import get_yaml_loader

from .late import fill_all
from .plugin import ASSET_DIR, ASSETS, NumberedDocumentPlugin

PLUGIN = "numbered-document"


def generate(config_file: Path, out: Path) -> list[Path]:
    """Build the site once (to find every reference), then write it as plain files into
    ``out``: ``out/docs`` and ``out/mkdocs.yml``. Returns the files written."""
    config_file = config_file.resolve()
    with tempfile.TemporaryDirectory() as site_dir:
        config = load_config(str(config_file), site_dir=site_dir)
        plugin = config.plugins[PLUGIN]
        assert isinstance(plugin, NumberedDocumentPlugin)
        plugin.keep_late_parts = True
        build(config)
    docs = out / "docs"
    shutil.copytree(config.docs_dir, docs, dirs_exist_ok=True)
    written = []
    for src_uri, page in plugin.site.generate().items():
        written.append(
            _write(docs / src_uri, fill_all(page.text, plugin.late_parts.get(src_uri, {})))
        )
    for output in plugin.site.outputs:
        text = plugin.data_files[output.name].content_string
        written.append(_write(docs / plugin.site.output_path(output), text))
    scripts = [name for kind in plugin.site.kinds.values() for name in kind.assets]
    for name in ["style.css", *dict.fromkeys(scripts)]:
        target = docs / ASSET_DIR / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ASSETS / name, target)
        written.append(target)
    custom = config.theme.custom_dir
    if custom and Path(custom).is_dir():  # the theme's overrides go along
        shutil.copytree(custom, out / Path(custom).name, dirs_exist_ok=True)
    written.append(_write(out / "mkdocs.yml", _plain_config(config_file, config.nav, scripts)))
    return written


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _plain_config(config_file: Path, nav: Any, scripts: list[str]) -> str:
    """The site's settings as written, less the plugin, with the pages it made in the nav."""
    with config_file.open(encoding="utf-8") as source:
        settings: dict[str, Any] = yaml.load(source, Loader=get_yaml_loader())
    settings.pop("INHERIT", None)
    settings["docs_dir"] = "docs"
    theme = settings.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = Path(theme["custom_dir"]).name
    settings["plugins"] = [
        entry
        for entry in settings.get("plugins", [])
        if (entry if isinstance(entry, str) else next(iter(entry))) != PLUGIN
    ]
    if nav:
        settings["nav"] = nav
    settings["extra_css"] = [*settings.get("extra_css", []), f"{ASSET_DIR}/style.css"]
    settings["extra_javascript"] = [
        *settings.get("extra_javascript", []),
        *(f"{ASSET_DIR}/{name}" for name in dict.fromkeys(scripts)),
    ]
    for extension in ("attr_list", "md_in_html", "tables"):  # what the generated pages use
        names = [
            e if isinstance(e, str) else next(iter(e))
            for e in settings.get("markdown_extensions", [])
        ]
        if extension not in names:
            settings.setdefault("markdown_extensions", []).append(extension)
    return yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
