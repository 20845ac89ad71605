#include "core/quotes.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "core/lexicon.h"
#include "core/mentions.h"
#include "core/quote_marks.h"
#include "core/speakers.h"

namespace byline {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A transcript speaker label at text[at]: one to three words of capital letters (periods,
// apostrophes and hyphens allowed), or Q / A, then ": ". Returns the label's length, else 0.
size_t LabelAt(std::string_view text, size_t at) {
  size_t i = at, letters = 0, words = 1;
  while (i < text.size() && i - at <= 32) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c == ' ' && letters > 0 && i + 1 < text.size() && text[i + 1] >= 'A' &&
               text[i + 1] <= 'Z' && words < 3) {
      ++words;
    } else if (!(c == '.' || c == '\'' || c == '-') || letters == 0) {
      break;
    }
    ++i;
  }
  if (letters == 0 || i + 1 >= text.size() || text[i] != ':' || text[i + 1] != ' ') return 0;
  if (letters < 2 && !(i == at + 1 && (text[at] == 'Q' || text[at] == 'A'))) return 0;
  return i - at;
}

// Person names for transcript labels ("WALLACE" -> "Chris Wallace"): each PER entity, titles
// dropped ("Governor Mike Pence" -> "Mike Pence"), under its last word in lowercase; the fullest
// name wins. Built once per text, on the first label.
class LabelNames {
 public:
  LabelNames(std::string_view text, const std::vector<Entity>& entities)
      : text_(text), entities_(entities) {}

  std::string Find(std::string_view label) {
    if (!built_) Build();
    const size_t sp = label.rfind(' ');
    const std::string lower = AsciiLower(label);
    const auto it = by_last_.find(sp == std::string_view::npos ? lower : lower.substr(sp + 1));
    if (it == by_last_.end()) return "";
    // A label of several words ("JOHN SMITH") must be the name's ending.
    const std::string name = AsciiLower(it->second);
    if (name.size() < lower.size() ||
        name.compare(name.size() - lower.size(), lower.size(), lower) != 0) {
      return "";
    }
    return std::string(it->second);
  }

 private:
  void Build() {
    built_ = true;
    for (const Entity& e : entities_) {
      if (e.type != "PER") continue;
      std::string_view name = text_.substr(e.begin, e.end - e.begin);
      for (size_t sp = name.find(' ');
           sp != std::string_view::npos && IsTitleWord(name.substr(0, sp)); sp = name.find(' ')) {
        name.remove_prefix(sp + 1);
      }
      const size_t sp = name.rfind(' ');
      const std::string_view last = sp == std::string_view::npos ? name : name.substr(sp + 1);
      std::string_view& best = by_last_[AsciiLower(last)];
      if (name.size() > best.size()) best = name;
    }
  }

  std::string_view text_;
  const std::vector<Entity>& entities_;
  bool built_ = false;
  std::unordered_map<std::string, std::string_view> by_last_;
};

// A quotation that quotes a transcript ("WALLACE: Let's start ... \n\n"PENCE: Well, ...") is one
// quote per turn, attributed to the turn's label; the label itself is not quoted. Other quotes
// are returned as they are.
void SplitTranscriptTurns(std::string_view text, LabelNames* names, const Quote& q,
                          std::vector<Quote>* out) {
  // Turn starts: the quote's start and every paragraph start inside it (after the line break,
  // spaces and a re-opening mark), where a label stands.
  struct Turn {
    size_t label, words;  // label start; the turn's words start after "LABEL: "
    size_t label_len;     // 0: a stage direction paragraph ("(CROSSTALK.)"), not quoted
  };
  std::vector<Turn> turns;
  auto try_turn = [&](size_t at) {
    const size_t len = LabelAt(text, at);
    if (len > 0) {
      turns.push_back({at, at + len + 2, len});
    } else if (!turns.empty() && text[at] == '(') {
      size_t e = text.find('\n', at);
      if (e == std::string_view::npos || e > q.end) e = q.end;
      while (e > at && (IsSpaceByte(text[e - 1]) || text[e - 1] == '.')) --e;
      if (text[e - 1] == ')') turns.push_back({at, at, 0});
    }
    return len > 0;
  };
  try_turn(q.begin);
  for (size_t i = q.begin; i < q.end; ++i) {
    if (text[i] != '\n') continue;
    size_t k = i;
    while (k < q.end && IsSpaceByte(text[k])) ++k;
    // A re-opening quotation mark: " or “ (E2 80 9C) or ''.
    if (k < q.end && text[k] == '"') {
      ++k;
    } else if (k + 2 < q.end && static_cast<unsigned char>(text[k]) == 0xE2 &&
               static_cast<unsigned char>(text[k + 1]) == 0x80 &&
               static_cast<unsigned char>(text[k + 2]) == 0x9C) {
      k += 3;
    } else if (k + 1 < q.end && text[k] == '\'' && text[k + 1] == '\'') {
      k += 2;
    }
    if (k < q.end) try_turn(k);
    i = k > i ? k - 1 : i;
  }
  if (turns.empty()) {
    out->push_back(q);
    return;
  }
  // Words before the first label keep the quote's own attribution.
  auto trimmed = [&](size_t b, size_t e, Quote* piece) {
    while (e > b && (IsSpaceByte(text[e - 1]) || text[e - 1] == '"')) --e;
    if (e >= b + 3 && static_cast<unsigned char>(text[e - 3]) == 0xE2 &&
        static_cast<unsigned char>(text[e - 2]) == 0x80 &&
        static_cast<unsigned char>(text[e - 1]) == 0x9C) {
      e -= 3;
      while (e > b && IsSpaceByte(text[e - 1])) --e;
    }
    while (b < e && IsSpaceByte(text[b])) ++b;
    piece->begin = static_cast<uint32_t>(b);
    piece->end = static_cast<uint32_t>(e);
    return e > b;
  };
  Quote head = q;
  if (turns[0].label > q.begin && trimmed(q.begin, turns[0].label, &head)) out->push_back(head);
  for (size_t t = 0; t < turns.size(); ++t) {
    if (turns[t].label_len == 0) continue;
    const size_t end = t + 1 < turns.size() ? turns[t + 1].label : q.end;
    Quote turn = q;
    if (!trimmed(turns[t].words, end, &turn)) continue;
    turn.partial = false;
    turn.has_speaker = true;
    turn.speaker = {static_cast<uint32_t>(turns[t].label),
                    static_cast<uint32_t>(turns[t].label + turns[t].label_len)};
    turn.speaker_name = names->Find(text.substr(turns[t].label, turns[t].label_len));
    out->push_back(std::move(turn));
  }
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Token>&,
                              const std::vector<Sentence>&, const std::vector<Entity>& entities) {
  const std::vector<QuotedSpan> spans = FindQuotedSpans(text);
  SpeakerFinder finder(text, spans, entities);
  LabelNames label_names(text, entities);
  std::vector<Quote> out;
  for (size_t i = 0; i < spans.size(); ++i) {
    const Attribution a = finder.Attribute(i);
    const int words = finder.WordCount(i);
    if (words == 0) continue;
    const bool spoken = finder.SoundsSpoken(i);
    // Capitalized words are a title unless the sentence says they were spoken: `said, "No."`,
    // `"Word is," Trump said`.
    const bool said_so =
        (words == 1 && finder.IntroducedAsSpeech(i)) ||
        (a.rule == AttributionRule::kAdjacent && finder.OpensSentence(i) &&
         spans[i].end > spans[i].begin && text[spans[i].end - 1] == ',');
    const bool title = finder.LooksLikeTitle(i) && !spoken && !said_so;
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
    SplitTranscriptTurns(text, &label_names, q, &out);
  }
  std::vector<Quote> indirect = finder.IndirectQuotes();
  out.insert(out.end(), indirect.begin(), indirect.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const Quote& a, const Quote& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace byline
