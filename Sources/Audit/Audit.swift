// Audit of published 部门预算公开 documents.
//
// Reading (the Reading module: DocumentReader, Blocks, TableAssembler, PDF/) turns a text, .docx or .pdf document into a neutral
// model (AuditDocument: paragraphs and tables); the rules (Rule*.swift) check it as a careful reviewer would and
// return Diagnostics with stable `audit.*` ids; Auditor.swift runs them in order. Depends only on YusuanCore
// (money, catalogs, code rules, diagnostics) and Reading (the document as read: Sources/Reading).
