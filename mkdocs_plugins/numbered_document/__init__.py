"""A MkDocs plugin that builds a reference site from a numbered document.

Data flows one way: content files → model (``loader``, ``schema``, ``model``) → links
(``references``, ``graph``) → pages (``views``) → MkDocs (``plugin``, the only module that
imports MkDocs).
"""
