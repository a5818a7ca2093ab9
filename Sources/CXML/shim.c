#include "bitext_xml.h"
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

struct bitext_xml_reader {
    xmlTextReaderPtr reader;
    char *message;
    int32_t code, line, column;
    int32_t refused_external;
    int32_t on_attribute;
};

static _Thread_local struct bitext_xml_reader *current;  // for the entity loader, which gets no context

static xmlParserInputPtr refuse_external(const char *url, const char *id, xmlParserCtxtPtr context) {
    (void)url; (void)id; (void)context;
    if (current) current->refused_external = 1;
    return NULL;
}

static void record_error(void *arg, xmlErrorPtr error) {
    struct bitext_xml_reader *r = arg;
    if (r->message || !error || error->level < XML_ERR_ERROR) return;
    r->message = strdup(error->message ? error->message : "malformed XML");
    if (r->message) {  // libxml2's messages end in a line break
        size_t n = strlen(r->message);
        while (n > 0 && (r->message[n - 1] == '\n' || r->message[n - 1] == ' ')) r->message[--n] = 0;
    }
    r->code = error->code;
    r->line = error->line;
    r->column = error->int2;
}

static const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING;

static bitext_xml_reader *wrap(xmlTextReaderPtr reader) {
    if (!reader) return NULL;
    struct bitext_xml_reader *r = calloc(1, sizeof *r);
    if (!r) { xmlFreeTextReader(reader); return NULL; }
    r->reader = reader;
    xmlTextReaderSetStructuredErrorHandler(reader, record_error, r);
    return r;
}

bitext_xml_reader *bitext_xml_open_file(const char *path) {
    xmlSetExternalEntityLoader(refuse_external);
    return wrap(xmlReaderForFile(path, NULL, options));
}

bitext_xml_reader *bitext_xml_open_memory(const char *bytes, int32_t length) {
    xmlSetExternalEntityLoader(refuse_external);
    return wrap(xmlReaderForMemory(bytes, length, NULL, NULL, options));
}

void bitext_xml_close(bitext_xml_reader *r) {
    if (!r) return;
    xmlFreeTextReader(r->reader);
    free(r->message);
    free(r);
}

int32_t bitext_xml_read(bitext_xml_reader *r) {
    if (r->on_attribute) { xmlTextReaderMoveToElement(r->reader); r->on_attribute = 0; }
    current = r;
    int result = xmlTextReaderRead(r->reader);
    current = NULL;
    if (result < 0 && !r->message) {
        r->message = strdup("malformed XML");
        r->line = xmlTextReaderGetParserLineNumber(r->reader);
        r->column = xmlTextReaderGetParserColumnNumber(r->reader);
    }
    if (result == 1 && r->message) return -1;  // an error libxml2 recovered from still stops us
    return result;
}

int32_t bitext_xml_node_type(bitext_xml_reader *r) { return xmlTextReaderNodeType(r->reader); }
const char *bitext_xml_name(bitext_xml_reader *r) { return (const char *)xmlTextReaderConstName(r->reader); }
const char *bitext_xml_value(bitext_xml_reader *r) { return (const char *)xmlTextReaderConstValue(r->reader); }
int32_t bitext_xml_depth(bitext_xml_reader *r) { return xmlTextReaderDepth(r->reader); }
int32_t bitext_xml_is_empty_element(bitext_xml_reader *r) { return xmlTextReaderIsEmptyElement(r->reader); }
int32_t bitext_xml_node_line(bitext_xml_reader *r) {
    xmlNodePtr node = xmlTextReaderCurrentNode(r->reader);
    long line = node ? xmlGetLineNo(node) : -1;
    return line > 0 ? (int32_t)line : xmlTextReaderGetParserLineNumber(r->reader);
}
int32_t bitext_xml_line(bitext_xml_reader *r) { return xmlTextReaderGetParserLineNumber(r->reader); }
int32_t bitext_xml_column(bitext_xml_reader *r) { return xmlTextReaderGetParserColumnNumber(r->reader); }

int32_t bitext_xml_next_attribute(bitext_xml_reader *r) {
    if (xmlTextReaderMoveToNextAttribute(r->reader) == 1) { r->on_attribute = 1; return 1; }
    if (r->on_attribute) { xmlTextReaderMoveToElement(r->reader); r->on_attribute = 0; }
    return 0;
}

const char *bitext_xml_error_message(bitext_xml_reader *r) { return r->message; }
int32_t bitext_xml_error_code(bitext_xml_reader *r) { return r->code; }
int32_t bitext_xml_error_line(bitext_xml_reader *r) { return r->line; }
int32_t bitext_xml_error_column(bitext_xml_reader *r) { return r->column; }
int32_t bitext_xml_refused_external(bitext_xml_reader *r) { return r->refused_external; }
