// Quotations and who said them.
//
// Usage:
//   std::vector<byline::Quote> q = byline::FindQuotes(text, tokens, sentences, entities);
//   for (const byline::Quote& x : q) {
//     std::cout << byline::QuoteKindName(x.kind) << " "
//               << text.substr(x.begin, x.end - x.begin) << " -- "
//               << (x.speaker_name.empty() ? "?" : x.speaker_name) << "\n";
//   }
//
// Direct quotes span the quoted words without their marks (a quotation over several paragraphs
// runs from after its first opening mark to before its last closing mark); indirect quotes span
// the reported clause ("that" included). Each quote carries the speaker mention it is attributed
// to (a name, a pronoun such as "he", or a noun phrase such as "the spokesman") and the fullest
// name that mention resolves to ("Jens Stoltenberg"; empty when the text does not say).
// Scare quotes and titles ("so-called "experts"", a film's title) are not reported unless
// something attributes them. The stages are documented in their headers:
//   core/quote_marks.h  which marks open and close quotations (every newsroom style)
//   core/speakers.h     attribution constructions, pronoun and noun-phrase resolution, reported
//                       speech
//   core/mentions.h     joining name mentions into entities
//   core/lexicon.h      speech verbs and first-name genders (data/*.txt|tsv, compiled in)
// docs/quotes.md has the design and the PolNeAR dev figures.
//
// The quotation finder reads the text itself (quotation marks, words, its own attribution
// sentences in which a whole quotation is one item), so it does not depend on how `tokens` and
// `sentences` split quotation marks or abbreviations; `entities` supply PER/ORG/LOC hints for
// names (capitalized sequences count as names with or without them).
//
// Spans are UTF-8 byte offsets, half-open, on character boundaries, sorted by begin. Linear in the
// text (100,000 quotation marks included). Thread-safety: pure.
#ifndef BYLINE_CORE_QUOTES_H_
#define BYLINE_CORE_QUOTES_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Token>& tokens,
                              const std::vector<Sentence>& sentences,
                              const std::vector<Entity>& entities);

}  // namespace byline

#endif  // BYLINE_CORE_QUOTES_H_
