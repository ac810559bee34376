import FuzzSupport

FuzzDriver.run(fuzzAmount)
