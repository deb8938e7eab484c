"""Server-rendered pages, one module a page family: browse, documents, search."""
