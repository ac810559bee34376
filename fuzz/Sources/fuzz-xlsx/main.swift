import FuzzSupport

FuzzDriver.run(fuzzXlsx)
