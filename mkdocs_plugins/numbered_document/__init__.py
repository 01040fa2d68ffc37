"""A MkDocs plugin that builds a reference site from a numbered document.

Data flows one way: content files → model (``schema``, ``safety``, ``loader``, ``model``) →
checks (``checks``) → links (``treewalk``, ``references``, ``glossary``, ``graph``) → pages and
outputs (``pages`` declares them; ``templates`` and ``locales`` word them; ``late``,
``opendata``) → MkDocs (``plugin``, the only module that imports MkDocs).
"""
