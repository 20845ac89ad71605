#include "core/quotes.h"

#include <algorithm>

#include "core/quote_marks.h"
#include "core/speakers.h"

namespace byline {

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Token>&,
                              const std::vector<Sentence>&, const std::vector<Entity>& entities) {
  const std::vector<QuotedSpan> spans = FindQuotedSpans(text);
  SpeakerFinder finder(text, spans, entities);
  std::vector<Quote> out;
  for (size_t i = 0; i < spans.size(); ++i) {
    const Attribution a = finder.Attribute(i);
    const int words = finder.WordCount(i);
    if (words == 0) continue;
    const bool spoken = finder.SoundsSpoken(i);
    const bool title = finder.LooksLikeTitle(i) && !spoken;
    // Titles ("Fox & Friends", "The Art of the Deal") are never speech; a one-word quotation
    // ("Absolutely," he said) may be.
    bool keep = !(title && words >= 2);
    if (finder.IsNamed(i)) keep = false;
    switch (a.rule) {
      case AttributionRule::kAdjacent:
      case AttributionRule::kContinuation:
        break;
      case AttributionRule::kVerbBefore:
      case AttributionRule::kAccordingTo:
      case AttributionRule::kSubject:
      case AttributionRule::kNone:
      default:
        // Scare quotes: a short quotation inside a sentence is speech only when introduced as
        // such (`ensure that "history doesn't repeat itself"`, `said: "…"`).
        if (words <= 4 && !finder.IntroducedAsSpeech(i) && !spoken) keep = false;
        if (a.rule == AttributionRule::kNone && words < 4) keep = false;
        if (title) keep = false;
        break;
    }
    if (!keep) continue;
    Quote q;
    q.begin = spans[i].begin;
    q.end = spans[i].end;
    q.kind = QuoteKind::kDirect;
    q.partial = finder.IsPartial(i);
    q.has_speaker = a.has_speaker;
    q.speaker = a.speaker;
    q.speaker_name = a.name;
    out.push_back(std::move(q));
  }
  std::vector<Quote> indirect = finder.IndirectQuotes();
  out.insert(out.end(), indirect.begin(), indirect.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const Quote& a, const Quote& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace byline
