// The rule-based entity finder used when no model is loaded: capitalized name sequences, a few
// cue words (Mr., President, Inc., University of ...) and a small built-in list of places.
//
// Usage:
//   std::vector<byline::Entity> e = byline::FindEntitiesByRules(text, tokens, sentences);
//
// Returns PER, ORG, LOC and MISC spans (byte offsets, half-open), sorted. Thread-safety: pure.
#ifndef BYLINE_CORE_RULE_ENTITIES_H_
#define BYLINE_CORE_RULE_ENTITIES_H_

#include <string_view>
#include <vector>

#include "core/analyzer.h"

namespace byline {

std::vector<Entity> FindEntitiesByRules(std::string_view text, const std::vector<Token>& tokens,
                                        const std::vector<Sentence>& sentences);

}  // namespace byline

#endif  // BYLINE_CORE_RULE_ENTITIES_H_
