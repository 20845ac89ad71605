// Joining name mentions into entities: "Secretary-General Jens Stoltenberg", "Jens Stoltenberg" and
// "Stoltenberg's" are one person; "North Atlantic Council (NAC)" and "NAC" are one organization.
//
// Usage:
//   std::vector<byline::NameMention> m = {{{0, 33}, "PER"}, {{80, 91}, ""}};  // in text order
//   byline::JoinedMentions j = byline::JoinMentions(text, m);
//   const byline::JoinedEntity& e = j.entities[j.entity_of[1]];   // e.name == "Jens Stoltenberg"
//
// Each mention is a capitalized name sequence as it appears (titles included). The joiner strips
// titles and descriptors ("NATO Secretary-General", "Ukrainian President", "Sen.", "Mr.") to find
// the name proper, then joins a person mention to the most recent person with the same surname and
// a compatible first name, a bare first name to the most recent person with it, and an acronym to
// the organization whose parenthesized acronym or initials it is. An entity's name is the fullest
// name proper among its mentions. Gender comes from a title (Mr., Mrs.) or the first name
// (core/lexicon.h). Offsets are UTF-8 bytes, half-open. Linear in the number of mentions times the
// (small) number of words per mention, plus hash lookups. Thread-safety: a pure function.
#ifndef BYLINE_CORE_MENTIONS_H_
#define BYLINE_CORE_MENTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/analyzer.h"
#include "core/lexicon.h"

namespace byline {

struct NameMention {
  Span span;         // the capitalized sequence, titles included
  std::string type;  // PER ORG LOC MISC when a tagger said so, else empty
};

struct JoinedEntity {
  std::string name;  // fullest name proper ("Jens Stoltenberg", "North Atlantic Council")
  std::string type;  // PER ORG LOC MISC, or empty when nothing tells
  Gender gender = Gender::kUnknown;
  std::vector<int> mentions;  // indices into the input
};

struct JoinedMentions {
  std::vector<int> entity_of;   // per input mention: index into entities
  std::vector<Span> name_span;  // per input mention: its name proper (titles stripped)
  std::vector<JoinedEntity> entities;
};

JoinedMentions JoinMentions(std::string_view text, const std::vector<NameMention>& mentions);

// True for words that come before a name as a title or role ("President", "Sen.", "Mr.",
// "Secretary-General", "Spokesman"); case-sensitive as written in running text.
bool IsTitleWord(std::string_view word);

}  // namespace byline

#endif  // BYLINE_CORE_MENTIONS_H_
