// Who said it: attributes quotations to speaker mentions and resolves those mentions to names.
//
// Usage:
//   std::vector<byline::QuotedSpan> spans = byline::FindQuotedSpans(text);
//   byline::SpeakerFinder finder(text, spans, entities);
//   for (size_t i = 0; i < spans.size(); ++i) {
//     byline::Attribution a = finder.Attribute(i);     // in order: continuations look back
//     if (a.has_speaker) std::cout << a.name << "\n";
//   }
//   std::vector<byline::Quote> reported = finder.IndirectQuotes();
//
// Constructions of news prose, tried in this order for a quotation:
//   adjacent after it      "…," X said · "…," said X · "…," the gambling tycoon told Reuters ·
//                          "…," Rep. Gwen Moore (D-Wis.) said · "…" ― Carla Sanchez
//   a verb before it       X said: "…" · X told reporters "…" · X added that "…" ·
//                          Asked about …, X said "…" · Zelenskyy said …, adding that "…"
//   according to X         according to X, "…"
//   a fragment             a quoted fragment inside a sentence goes to the sentence's subject
//   continuation           a quotation with no attribution of its own continues the speaker of
//                          the quotation just before it (same or previous paragraph)
// Speech verbs come from data/speech_verbs.txt (core/lexicon.h). A speaker mention is a name
// (a capitalized sequence, whether or not the entity tagger marked it), a pronoun, or a noun
// phrase ("the spokesman"). Names are joined into entities (core/mentions.h) and the speaker's
// name is its entity's fullest name; "he"/"she" resolve to the most recent compatible person
// (the subject-first person of the current, then earlier sentences; gender from first names);
// "who" to the name before it; a noun phrase to the name the text ties it to by apposition
// ("X, the spokesman," · "the spokesman, X," · "spokesman X"), else the name stays empty.
//
// Reported speech: `X said (that) CLAUSE`, `X told Y (that) CLAUSE`, `X asked whether CLAUSE`,
// `CLAUSE, X said.`, `CLAUSE, said a source in the room.`, `PART, X said, PART.`,
// `According to X, CLAUSE`, `CLAUSE, according to X.` and `In this poll, CLAUSE` give indirect
// quotations over the clause ("that" included, as PolNeAR annotates it); `Asked whether ...,`
// gives the question and `the contests known as Super Tuesday` two pieces, with no speaker. So do the report words of data/report_verbs.txt:
// intentions with a to-infinitive (`X wants (Y) to ...`, `X plans to ...`, `X told Y to ...`,
// `..., promising to ...`; `X seems to ...` and `X is expected to ...` with no speaker), thoughts
// (`I know CLAUSE`, `many fear CLAUSE`, `many see Y as Z`), findings (`the inquiry found that ...`, `a poll shows
// Clinton ahead`), objects (`X cited NP`, `X accused Y of ...`, `X called for NP`, `X called on
// Y to ...`, `X voted for NP`, `..., referring to NP`) and nouns with a that-clause (`X's claim
// that ...`); and labels opening a paragraph (`TAPPER: ...` to the paragraph's end, a headline
// `Lynch: ...`). A clause that contains a
// quotation mark is left to the direct quotation; of nested reports only the outermost is kept
// (PolNeAR annotates no nested attributions).
//
// Offsets are UTF-8 bytes, half-open. Linear in the text (pronoun search looks back a bounded
// number of sentences). Thread-safety: a SpeakerFinder is used by one thread.
#ifndef BYLINE_CORE_SPEAKERS_H_
#define BYLINE_CORE_SPEAKERS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/analyzer.h"
#include "core/quote_marks.h"

namespace byline {

enum class AttributionRule : uint8_t {
  kNone,          // nothing attributes the quotation
  kAdjacent,      // a speech verb and its subject right after the quotation
  kVerbBefore,    // a speech verb earlier in the sentence
  kAccordingTo,   // according to X
  kSubject,       // a fragment attributed to the sentence's subject
  kContinuation,  // continues the previous quotation's speaker
};

struct Attribution {
  bool has_speaker = false;
  Span speaker;      // the mention
  std::string name;  // resolved fullest name, or empty
  AttributionRule rule = AttributionRule::kNone;
};

class SpeakerFinder {
 public:
  SpeakerFinder(std::string_view text, const std::vector<QuotedSpan>& spans,
                const std::vector<Entity>& entities);
  ~SpeakerFinder();

  // Attribution of spans[i]. Call for i = 0, 1, 2, ... in order (a quotation may continue the
  // attribution of the one before it).
  Attribution Attribute(size_t i);

  // Number of words in spans[i] (letters or digits), for the scare-quote rules.
  int WordCount(size_t i) const;
  // True when every word of spans[i] is capitalized except short function words (a title).
  bool LooksLikeTitle(size_t i) const;

  // True when spans[i] follows "that", a speech verb (with or without a comma) or a colon
  // (`ensure that "…"`, `said, "…"`).
  bool IntroducedAsSpeech(size_t i) const;
  // True when spans[i] sounds like someone talking: I/you/we/my/our, or a "n't" contraction.
  bool SoundsSpoken(size_t i) const;
  // True when spans[i] is a fragment woven into the writer's sentence (Quote::partial):
  // - a word comes right before its opening mark and the quotation starts in lowercase (`ensure
  //   that "history doesn't repeat itself"`, `called it a "disaster"`), or
  // - it ends on a word or a comma and the writer's sentence goes on in lowercase right after its
  //   closing mark (`"If there had not been that intervention" by the United States`,
  //   `"…stunning,'' since so many …`), unless that starts an attribution (`"…," he said`,
  //   `"…," said X`, `"…," the spokesman said`, `"…," according to X`).
  // A whole sentence quoted after "that" (`agreed that "NATO's door is open."`), or a quotation
  // after a colon, a comma, a dash or at the start of a sentence, is not partial.
  bool IsPartial(size_t i) const;
  // True when spans[i] is a name given to something: it starts capitalized right after "titled",
  // "entitled", "called", "named", "dubbed", "nicknamed", "headlined" or "labeled" (`the ad,
  // titled "Arrogant,"`, `a play called "Los Hijos de Trump"`).
  bool IsNamed(size_t i) const;
  // True when spans[i] opens its sentence: nothing but a paragraph or sentence break before it.
  bool OpensSentence(size_t i) const;

  std::vector<Quote> IndirectQuotes();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace byline

#endif  // BYLINE_CORE_SPEAKERS_H_
