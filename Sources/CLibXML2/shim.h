#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so encoding.h would include the system's ICU headers. Swift's
   Foundation carries its own ICU, and the two clash when both reach one compiler invocation.
   Dossier never touches libxml2's ICU converters (encoding.h only stores pointers to them), so
   hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/uri.h>
#include <libxml/encoding.h>
