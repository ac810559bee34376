// Audit of published documents: see README.md in this folder.
