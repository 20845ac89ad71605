// The rule-based entity finder used when no model is loaded: capitalized name sequences, a few
// cue words (Mr., President, Inc., University of ...) and a small built-in list of places.
//
// Usage:
//   std::vector<byline::Entity> e = byline::FindEntitiesByRules(text, tokens, sentences);
//
// Returns PER, ORG, LOC and MISC spans (byte offsets, half-open), sorted, never overlapping.
// Thread-safety: pure.
//
// Conventions follow CoNLL-2003: titles stay outside a person's name ("President [Vladimir Putin]",
// "NATO [ORG] Secretary-General [Jens Stoltenberg PER]"); a leading place is split off unless an
// organization word ends the name ("U.S. [LOC] Labor Day [MISC]" but "New York Times" is ORG);
// nationalities are MISC. Names with no cue take the type the document gave them elsewhere
// ("Stoltenberg" after "Jens Stoltenberg"). The word lists are data/*.txt, compiled in by
// scripts/gen_rule_words.js. On CoNLL-2003 dev (eng.testa) it scores about 0.76 F1: a fallback,
// far below the trained model.
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
