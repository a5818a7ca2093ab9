// A pull reader over libxml2's xmlTextReader, with plain C types only, so that no Swift module
// sees libxml2's headers (as with ICU, see Sources/CICU/include/shim.h).
//
// The reader streams: from a file it holds one buffer of the document at a time. It resolves no
// external entity and loads no DTD (XML_PARSE_NONET, no XML_PARSE_DTDLOAD, an external-entity
// loader that refuses), substitutes no entity (an entity reference is reported as such), and keeps
// libxml2's own limits (nesting depth 256, one text node at most 10 MB).
#ifndef BITEXT_XML_H
#define BITEXT_XML_H

#include <stdint.h>

typedef struct bitext_xml_reader bitext_xml_reader;

/// Node kinds, as libxml2's xmlReaderTypes numbers them.
enum {
    bitext_xml_element = 1,
    bitext_xml_text = 3,
    bitext_xml_cdata = 4,
    bitext_xml_entity_reference = 5,
    bitext_xml_whitespace = 13,
    bitext_xml_significant_whitespace = 14,
    bitext_xml_end_element = 15,
};

/// A reader of the file at `path`, or of `length` bytes at `bytes` (which must outlive the reader);
/// NULL when out of memory or the file cannot be opened.
bitext_xml_reader *bitext_xml_open_file(const char *path);
bitext_xml_reader *bitext_xml_open_memory(const char *bytes, int32_t length);
/// A reader of an HTML document of `length` UTF-8 bytes, parsed whole by libxml2's HTML parser
/// (which repairs markup as browsers do) and then walked node by node; NULL when out of memory.
bitext_xml_reader *bitext_xml_open_html(const char *bytes, int32_t length);
void bitext_xml_close(bitext_xml_reader *reader);

/// Moves to the next node: 1 when there is one, 0 at the end, -1 on an error (see below).
int32_t bitext_xml_read(bitext_xml_reader *reader);
int32_t bitext_xml_node_type(bitext_xml_reader *reader);
/// The node's qualified name, and its text (for text nodes, attributes); NULL when none.
const char *bitext_xml_name(bitext_xml_reader *reader);
const char *bitext_xml_value(bitext_xml_reader *reader);
int32_t bitext_xml_depth(bitext_xml_reader *reader);
int32_t bitext_xml_is_empty_element(bitext_xml_reader *reader);
/// The line the current node starts on (1-based), as libxml2 recorded it.
int32_t bitext_xml_node_line(bitext_xml_reader *reader);
/// Where the parser is (1-based; it reads ahead of the current node).
int32_t bitext_xml_line(bitext_xml_reader *reader);
int32_t bitext_xml_column(bitext_xml_reader *reader);
/// Steps through the current element's attributes: 1 while on one, 0 after the last (the reader
/// is then back on the element).
int32_t bitext_xml_next_attribute(bitext_xml_reader *reader);

/// The first error: libxml2's message (NULL when none), its code, line and column.
const char *bitext_xml_error_message(bitext_xml_reader *reader);
int32_t bitext_xml_error_code(bitext_xml_reader *reader);
int32_t bitext_xml_error_line(bitext_xml_reader *reader);
int32_t bitext_xml_error_column(bitext_xml_reader *reader);
/// 1 when an external entity or DTD was asked for (and refused).
int32_t bitext_xml_refused_external(bitext_xml_reader *reader);

#endif
