// Stable-name wrappers over the ICU C API, with plain C types only.
//
// ICU renames every entry point by macro (ubrk_open -> ubrk_open_72), which Swift cannot call,
// and ICU 72's enums (UErrorCode, UProperty, ...) clash with the ICU 76 copy inside Foundation in
// any Swift module that sees both. So the ICU headers are included only by shim.c, and this
// header exposes opaque handles (void *), UTF-16 as uint16_t and statuses as int32_t.
#ifndef BITEXT_CICU_SHIM_H
#define BITEXT_CICU_SHIM_H

#include <stdint.h>

/// ICU status values the Swift side needs to tell apart.
extern const int32_t bitext_status_buffer_overflow;
extern const int32_t bitext_status_missing_resource;
extern const int32_t bitext_status_invalid_id;
extern const int32_t bitext_status_memory;
/// ICU's symbolic name of a status, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *bitext_u_errorName(int32_t status);

// Break iteration. type: 0 character, 1 word, 2 line, 3 sentence (ICU's UBreakIteratorType).
void *bitext_ubrk_open(int32_t type, const char *locale, int32_t *status);
void bitext_ubrk_close(void *bi);
void bitext_ubrk_setText(void *bi, const uint16_t *text, int32_t length, int32_t *status);
/// Writes every boundary (the first is 0) and, when statuses is not NULL, its rule status.
int32_t bitext_ubrk_fill(void *bi, int32_t *offsets, int32_t *statuses, int32_t capacity);
/// Counts boundaries without storing them (the raw-ICU benchmark baseline).
int32_t bitext_ubrk_count(void *bi);

// Charset detection.
void *bitext_ucsdet_open(int32_t *status);
void bitext_ucsdet_close(void *detector);
void bitext_ucsdet_setText(void *detector, const char *text, int32_t length, int32_t *status);
/// Number of matches; match i is read with bitext_ucsdet_match.
int32_t bitext_ucsdet_detectAll(void *detector, int32_t *status);
const char *bitext_ucsdet_match(void *detector, int32_t index, int32_t *confidence, int32_t *status);

// Conversion.
/// Copies ICU's canonical name for a converter name or alias into `buffer` (NUL-terminated, cut to
/// `capacity` - 1 bytes) and returns its length; sets a failure status when there is no such converter.
int32_t bitext_ucnv_canonicalName(const char *name, char *buffer, int32_t capacity, int32_t *status);
/// What stopped a strict conversion.
enum { BITEXT_CONVERT_OK = 0, BITEXT_CONVERT_INVALID = 1, BITEXT_CONVERT_TRUNCATED = 2,
       BITEXT_CONVERT_UNKNOWN_CHARSET = 3, BITEXT_CONVERT_OTHER = 4 };
/// Converts bytes to UTF-16. With stopOnError, the first invalid or truncated sequence stops the
/// conversion, *outcome says which and *errorOffset is the byte offset where it starts.
int32_t bitext_ucnv_toUChars(const char *converterName, const char *source, int32_t sourceLength,
                             uint16_t *target, int32_t targetCapacity, int32_t stopOnError,
                             int32_t *outcome, int32_t *errorOffset, int32_t *status);
/// Converts UTF-16 to bytes in the named charset; returns the length written.
int32_t bitext_ucnv_fromUChars(const char *converterName, char *target, int32_t capacity,
                               const uint16_t *source, int32_t length, int32_t *status);

// Normalization. form: 0 NFC, 1 NFKC_Casefold.
const void *bitext_unorm2_instance(int32_t form, int32_t *status);
int32_t bitext_unorm2_normalize(const void *normalizer, const uint16_t *src, int32_t length,
                                uint16_t *dest, int32_t capacity, int32_t *status);
int32_t bitext_unorm2_spanQuickCheckYes(const void *normalizer, const uint16_t *s, int32_t length, int32_t *status);

// Transliteration.
void *bitext_utrans_open(const uint16_t *id, int32_t idLength, int32_t *status);
void bitext_utrans_close(void *transliterator);
void bitext_utrans_transUChars(void *transliterator, uint16_t *text, int32_t *textLength, int32_t capacity,
                               int32_t *limit, int32_t *status);

// Character properties. Script: 1 Han, 2 Latin, 0 anything else.
int32_t bitext_script(uint32_t codePoint);

#endif
