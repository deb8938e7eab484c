"""Email alerts without an account: follow a search, a body, a person or a matter, confirm by
a signed link, and get one digest per period saying why each entry matched."""
