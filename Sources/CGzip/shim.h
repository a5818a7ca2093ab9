// Stable-name wrappers over zlib's gz* file API (zlib may rename gzopen to gzopen64 by macro).
#ifndef BITEXT_CZLIB_SHIM_H
#define BITEXT_CZLIB_SHIM_H
#include <zlib.h>

static inline void *bitext_gzopen(const char *path) { return (void *)gzopen(path, "rb"); }
/// Reads up to `capacity` bytes; returns the count, 0 at the end, -1 on error.
static inline int bitext_gzread(void *file, void *buffer, unsigned capacity) {
    return gzread((gzFile)file, buffer, capacity);
}
static inline int bitext_gzclose(void *file) { return gzclose((gzFile)file); }
#endif
