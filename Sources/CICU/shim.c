#include <stdlib.h>
#include "shim.h"
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uscript.h>

const int32_t bitext_status_buffer_overflow = U_BUFFER_OVERFLOW_ERROR;
const int32_t bitext_status_missing_resource = U_MISSING_RESOURCE_ERROR;
const int32_t bitext_status_invalid_id = U_INVALID_ID;
const int32_t bitext_status_memory = U_MEMORY_ALLOCATION_ERROR;

const char *bitext_u_errorName(int32_t status) { return u_errorName((UErrorCode)status); }

// MARK: Break iteration

void *bitext_ubrk_open(int32_t type, const char *locale, int32_t *status) {
    return ubrk_open((UBreakIteratorType)type, locale, NULL, 0, (UErrorCode *)status);
}
void bitext_ubrk_close(void *bi) { ubrk_close((UBreakIterator *)bi); }
void bitext_ubrk_setText(void *bi, const uint16_t *text, int32_t length, int32_t *status) {
    ubrk_setText((UBreakIterator *)bi, (const UChar *)text, length, (UErrorCode *)status);
}
int32_t bitext_ubrk_fill(void *bi, int32_t *offsets, int32_t *statuses, int32_t capacity) {
    UBreakIterator *it = (UBreakIterator *)bi;
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE && count < capacity; b = ubrk_next(it)) {
        offsets[count] = b;
        if (statuses) statuses[count] = ubrk_getRuleStatus(it);
        count++;
    }
    return count;
}
int32_t bitext_ubrk_count(void *bi) {
    UBreakIterator *it = (UBreakIterator *)bi;
    int32_t count = 0;
    for (int32_t b = ubrk_first(it); b != UBRK_DONE; b = ubrk_next(it)) count++;
    return count;
}

// MARK: Charset detection

typedef struct {
    UCharsetDetector *detector;
    const UCharsetMatch **matches;
    int32_t found;
} Detector;

void *bitext_ucsdet_open(int32_t *status) {
    UCharsetDetector *d = ucsdet_open((UErrorCode *)status);
    if (U_FAILURE(*status)) return NULL;
    Detector *w = (Detector *)calloc(1, sizeof(Detector));
    if (!w) { ucsdet_close(d); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    w->detector = d;
    return w;
}
void bitext_ucsdet_close(void *detector) {
    Detector *w = (Detector *)detector;
    ucsdet_close(w->detector);
    free(w);
}
void bitext_ucsdet_setText(void *detector, const char *text, int32_t length, int32_t *status) {
    Detector *w = (Detector *)detector;
    w->matches = NULL;
    w->found = 0;
    ucsdet_setText(w->detector, text, length, (UErrorCode *)status);
}
int32_t bitext_ucsdet_detectAll(void *detector, int32_t *status) {
    Detector *w = (Detector *)detector;
    w->matches = ucsdet_detectAll(w->detector, &w->found, (UErrorCode *)status);
    if (U_FAILURE(*status) || !w->matches) w->found = 0;
    return w->found;
}
const char *bitext_ucsdet_match(void *detector, int32_t index, int32_t *confidence, int32_t *status) {
    Detector *w = (Detector *)detector;
    if (index < 0 || index >= w->found) { *status = U_INDEX_OUTOFBOUNDS_ERROR; return NULL; }
    *confidence = ucsdet_getConfidence(w->matches[index], (UErrorCode *)status);
    return ucsdet_getName(w->matches[index], (UErrorCode *)status);
}

// MARK: Conversion

int32_t bitext_ucnv_canonicalName(const char *name, char *buffer, int32_t capacity, int32_t *status) {
    UConverter *c = ucnv_open(name, (UErrorCode *)status);
    if (U_FAILURE(*status)) return 0;
    // Copied before the close: some converters (ISCII, …) keep their name inside the converter.
    const char *canonical = ucnv_getName(c, (UErrorCode *)status);
    int32_t length = 0;
    if (U_SUCCESS(*status) && canonical) {
        while (canonical[length] && length < capacity - 1) { buffer[length] = canonical[length]; length++; }
        buffer[length] = 0;
    }
    ucnv_close(c);
    return length;
}

int32_t bitext_ucnv_toUChars(const char *converterName, const char *source, int32_t sourceLength,
                             uint16_t *target, int32_t targetCapacity, int32_t stopOnError,
                             int32_t *outcome, int32_t *errorOffset, int32_t *status) {
    UErrorCode *err = (UErrorCode *)status;
    *outcome = BITEXT_CONVERT_OK;
    *errorOffset = -1;
    UConverter *c = ucnv_open(converterName, err);
    if (U_FAILURE(*err)) { *outcome = BITEXT_CONVERT_UNKNOWN_CHARSET; return 0; }
    if (stopOnError) {
        ucnv_setToUCallBack(c, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, err);
        if (U_FAILURE(*err)) { ucnv_close(c); *outcome = BITEXT_CONVERT_OTHER; return 0; }
    }
    const char *src = source;
    UChar *dst = (UChar *)target;
    ucnv_toUnicode(c, &dst, (UChar *)target + targetCapacity, &src, source + sourceLength, NULL, 1, err);
    if (U_FAILURE(*err)) {
        char invalid[32];
        int8_t invalidLength = sizeof(invalid);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(c, invalid, &invalidLength, &ignored);
        if (U_FAILURE(ignored)) invalidLength = 0;
        *errorOffset = (int32_t)(src - source) - invalidLength;
        switch (*err) {
        case U_TRUNCATED_CHAR_FOUND: *outcome = BITEXT_CONVERT_TRUNCATED; break;
        case U_ILLEGAL_CHAR_FOUND: case U_INVALID_CHAR_FOUND: case U_ILLEGAL_ESCAPE_SEQUENCE:
            *outcome = BITEXT_CONVERT_INVALID; break;
        default: *outcome = BITEXT_CONVERT_OTHER;
        }
    }
    ucnv_close(c);
    return (int32_t)(dst - (UChar *)target);
}

int32_t bitext_ucnv_fromUChars(const char *converterName, char *target, int32_t capacity,
                               const uint16_t *source, int32_t length, int32_t *status) {
    UConverter *c = ucnv_open(converterName, (UErrorCode *)status);
    if (U_FAILURE(*status)) return 0;
    int32_t n = ucnv_fromUChars(c, target, capacity, (const UChar *)source, length, (UErrorCode *)status);
    ucnv_close(c);
    return n;
}

// MARK: Normalization

const void *bitext_unorm2_instance(int32_t form, int32_t *status) {
    return form == 0 ? unorm2_getNFCInstance((UErrorCode *)status)
                     : unorm2_getNFKCCasefoldInstance((UErrorCode *)status);
}
int32_t bitext_unorm2_normalize(const void *normalizer, const uint16_t *src, int32_t length,
                                uint16_t *dest, int32_t capacity, int32_t *status) {
    return unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)src, length, (UChar *)dest, capacity,
                            (UErrorCode *)status);
}
int32_t bitext_unorm2_spanQuickCheckYes(const void *normalizer, const uint16_t *s, int32_t length, int32_t *status) {
    return unorm2_spanQuickCheckYes((const UNormalizer2 *)normalizer, (const UChar *)s, length, (UErrorCode *)status);
}

// MARK: Transliteration

void *bitext_utrans_open(const uint16_t *id, int32_t idLength, int32_t *status) {
    return utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, -1, NULL, (UErrorCode *)status);
}
void bitext_utrans_close(void *transliterator) { utrans_close((UTransliterator *)transliterator); }
void bitext_utrans_transUChars(void *transliterator, uint16_t *text, int32_t *textLength, int32_t capacity,
                               int32_t *limit, int32_t *status) {
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)text, textLength, capacity, 0, limit,
                       (UErrorCode *)status);
}

// MARK: Character properties

int32_t bitext_script(uint32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)codePoint, &status);
    if (U_FAILURE(status)) return 0;
    return s == USCRIPT_HAN ? 1 : (s == USCRIPT_LATIN ? 2 : 0);
}
