import FuzzSupport

FuzzDriver.run(fuzzDocx)
