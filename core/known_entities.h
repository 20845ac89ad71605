// Names every reader of today's news meets that the tagger's 1996 training text does not know:
// news agencies, wire services and photo agencies, as they appear in bylines and photo credits
// ("Kenzo Tribouillard | AFP | Getty Images").
//
// Usage:
//   byline::AddKnownEntities(text, tokens, &entities);   // after the tagger, before sorting
//
// Adds an ORG entity for each case-sensitive, token-aligned occurrence of a listed name that no
// existing entity overlaps; never changes or removes what the tagger found. Spans are byte offsets,
// half-open. Thread-safety: pure (the name table is built once, immutable).
#ifndef BYLINE_CORE_KNOWN_ENTITIES_H_
#define BYLINE_CORE_KNOWN_ENTITIES_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

void AddKnownEntities(std::string_view text, const std::vector<Token>& tokens,
                      std::vector<Entity>* entities);

}  // namespace byline

#endif  // BYLINE_CORE_KNOWN_ENTITIES_H_
