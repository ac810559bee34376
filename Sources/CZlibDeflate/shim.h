// zlib, for the renderers' zip writer (raw deflate and crc32; ZIPFoundation computes the CRC in Swift) and for the
// PNG page crops of the audit report.
#include <zlib.h>
