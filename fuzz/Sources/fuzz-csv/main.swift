import FuzzSupport

FuzzDriver.run(fuzzCsv)
