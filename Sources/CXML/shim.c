#include "bitext_xml.h"
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

struct bitext_xml_reader {
    xmlTextReaderPtr reader;
    xmlDocPtr document;  // the tree an HTML reader walks; NULL for XML
    char *message;
    int32_t code, line, column;
    int32_t refused_external;
    int32_t on_attribute;
};

static _Thread_local struct bitext_xml_reader *current;  // for callbacks that get no context

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
// HTML as browsers read it: malformed markup repaired, never an error; the encoding is always
// UTF-8 (the caller decodes), whatever a meta tag says.
static const int html_options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;

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

// Only an error that stops the HTML parser (nesting too deep, out of memory) is kept: it would
// lose the rest of the page. Markup errors are repaired, as browsers do.
static void record_fatal(void *arg, xmlErrorPtr error) {
    (void)arg;
    if (current && error && error->level == XML_ERR_FATAL) record_error(current, error);
}

bitext_xml_reader *bitext_xml_open_html(const char *bytes, int32_t length) {
    xmlSetExternalEntityLoader(refuse_external);
    struct bitext_xml_reader *r = calloc(1, sizeof *r);
    htmlParserCtxtPtr context = htmlNewParserCtxt();
    if (!r || !context) { free(r); if (context) htmlFreeParserCtxt(context); return NULL; }
    context->sax->serror = record_fatal;  // libxml2 calls it only on a SAX2 handler
    context->sax->initialized = XML_SAX2_MAGIC;
    current = r;
    r->document = htmlCtxtReadMemory(context, bytes, length, NULL, "UTF-8", html_options);
    current = NULL;
    htmlFreeParserCtxt(context);
    r->reader = r->document ? xmlReaderWalker(r->document) : NULL;
    if (!r->reader) { bitext_xml_close(r); return NULL; }
    return r;
}

void bitext_xml_close(bitext_xml_reader *r) {
    if (!r) return;
    if (r->reader) xmlFreeTextReader(r->reader);
    if (r->document) xmlFreeDoc(r->document);
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
    if (line > 0 && node->type == XML_TEXT_NODE && node->content) {  // libxml2 records where a text ends
        for (const xmlChar *c = node->content; *c; c++) if (*c == '\n') line--;
    }
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
