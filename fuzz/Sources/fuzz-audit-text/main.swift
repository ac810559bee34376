import FuzzSupport

FuzzDriver.run(fuzzAuditText)
