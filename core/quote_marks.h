// Quotation marks: which marks in a text open and close a quotation, and what lies between them.
//
// Usage:
//   for (const byline::QuotedSpan& q : byline::FindQuotedSpans(text)) {
//     std::string_view words = text.substr(q.begin, q.end - q.begin);   // without the marks
//   }
//
// Marks understood: straight "…", curly “…” and „…“, single ‘…’ and '…' (when they pair up; an
// apostrophe as in "Ukraine's", "’90s", "rock ’n’ roll", "allies’" is never a mark), «…», ‹…›, and
// the doubled ``…'' and ''…'' of wire copy (NYT uses '' both to open and to close). A straight
// mark's direction comes from what surrounds it (space before and a letter after opens), falling
// back to whether a quotation of its family is open; a curly mark written the wrong way round is
// tolerated the same way.
//
// Paragraphs (any line break) bound quotations: a double quotation still open at a paragraph's end
// ends there, unless the next paragraph opens with a mark of the same family, the newsroom
// convention for a quotation that runs over paragraphs; then it is one quotation, from after the
// first opening mark to before the last closing mark. A single-quote candidate that never closes is
// dropped (it was an apostrophe). Nested quotations stay inside their outer quotation: only the
// outermost ones are returned. Markup such as <tweet ...> and </a> is skipped.
//
// Runs in linear time (each mark is pushed and popped at most once). Spans are UTF-8 byte offsets,
// half-open, sorted by begin, on character boundaries. Thread-safety: a pure function.
#ifndef BYLINE_CORE_QUOTE_MARKS_H_
#define BYLINE_CORE_QUOTE_MARKS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace byline {

struct QuotedSpan {
  uint32_t open = 0;       // where the opening mark starts
  uint32_t begin = 0;      // the quoted words: after the opening mark ...
  uint32_t end = 0;        // ... up to the closing mark (or the paragraph's end when unclosed)
  uint32_t close_end = 0;  // just after the closing mark (== end when unclosed)
  bool closed = false;     // false: ran to its paragraph's end without a closing mark
  bool multi_paragraph = false;
};

std::vector<QuotedSpan> FindQuotedSpans(std::string_view text);

}  // namespace byline

#endif  // BYLINE_CORE_QUOTE_MARKS_H_
