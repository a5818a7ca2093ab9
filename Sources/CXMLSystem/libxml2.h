// System libxml2 (libxml2-dev), found through pkg-config libxml-2.0, which gives the C shim its
// compile and link flags. No Swift module imports this one: see Sources/CXML/include/bitext_xml.h.
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
