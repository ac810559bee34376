import FuzzSupport

FuzzDriver.run(fuzzEntry)
