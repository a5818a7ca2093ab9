// System ICU (libicu-dev), found through pkg-config icu-i18n, which gives the C shim its
// compile and link flags. No Swift module imports this one: see Sources/CICU/include/shim.h.
#include <unicode/utypes.h>
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/uscript.h>
