// zlib, for the renderers' zip writer: raw deflate and crc32 (ZIPFoundation computes the CRC in Swift).
#include <zlib.h>
