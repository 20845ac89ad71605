#include "core/words.h"

#include "core/offsets.h"

namespace byline {
namespace {

bool IsSpaceCp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsAlnumCp(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  return true;
}

bool IsUpperCp(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c & 1) == 0;  // Latin Extended-A: mostly even = upper
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x410 && c <= 0x42F) return true;
  return false;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

char32_t At(std::string_view t, size_t i, int* n) {
  char32_t c = 0;
  *n = i < t.size() ? DecodeUtf8(t, i, &c) : 0;
  if (*n == 0) c = 0;
  return c;
}

bool IsAbbreviation(std::string_view w) {
  static constexpr std::string_view kAbbr[] = {
      "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "St", "Jr", "Sr",
      "Prof", "Rev", "Capt", "Adm", "Maj", "Cmdr", "Corp", "Inc", "Co", "Ltd", "Pres", "Atty",
      "Supt", "Insp", "Hon", "No", "Mt", "Ft", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept",
      "Sep", "Oct", "Nov", "Dec", "etc", "Gens", "Sens", "Reps", "Mass", "Calif", "Fla", "Ariz",
      "Conn", "Ill", "Penn", "Wash", "Wis", "Minn", "Mich", "Tenn", "Ky", "Va", "Ga", "Ala", "Md",
      "Ore", "Okla", "Nev", "Colo", "Kan", "Neb", "Ind", "Miss", "Del", "Pa", "La", "Mo", "Ark",
      "Vt", "Wyo", "Mont", "Tex"};
  for (std::string_view a : kAbbr) {
    if (w == a) return true;
  }
  return false;
}

}  // namespace

WordView BuildWordView(std::string_view text, const std::vector<QuotedSpan>& spans) {
  WordView v;
  v.text = text;
  v.quote_open_word.assign(spans.size(), -1);
  v.quote_close_word.assign(spans.size(), -1);
  size_t qi = 0;          // next span whose opening mark is ahead
  int32_t inside = -1;    // span we are inside
  uint32_t paragraph = 0;
  bool newline_seen = false;
  size_t i = 0;
  while (i < text.size()) {
    int n;
    char32_t c = At(text, i, &n);
    if (n == 0) {
      ++i;
      continue;
    }
    // Quotation marks first: they are where FindQuotedSpans says.
    if (qi < spans.size() && i == spans[qi].open) {
      Word w{static_cast<uint32_t>(i), spans[qi].begin, WordKind::kOpenQuote};
      w.quote = static_cast<int32_t>(qi);
      w.paragraph = paragraph;
      v.quote_open_word[qi] = static_cast<int32_t>(v.words.size());
      v.words.push_back(w);
      inside = static_cast<int32_t>(qi);
      i = spans[qi].begin;
      ++qi;
      newline_seen = false;
      continue;
    }
    if (inside >= 0 && i >= spans[inside].end) {
      const QuotedSpan& q = spans[inside];
      if (q.closed && i == q.end) {
        Word w{q.end, q.close_end, WordKind::kCloseQuote};
        w.quote = inside;
        w.paragraph = paragraph;
        v.quote_close_word[inside] = static_cast<int32_t>(v.words.size());
        v.words.push_back(w);
        i = q.close_end;
        inside = -1;
        continue;
      }
      inside = -1;
    }
    if (IsSpaceCp(c)) {
      if (c == '\n' || c == '\r') newline_seen = true;
      i += n;
      continue;
    }
    if (newline_seen) {
      if (!v.words.empty()) ++paragraph;
      newline_seen = false;
    }
    Word w;
    w.begin = static_cast<uint32_t>(i);
    w.paragraph = paragraph;
    w.in_quote = inside >= 0;
    w.quote = inside;
    const size_t limit = inside >= 0 ? spans[inside].end : (qi < spans.size() ? spans[qi].open
                                                                              : text.size());
    if (IsAlnumCp(c)) {
      w.capitalized = IsUpperCp(c);
      size_t j = i + n;
      bool has_period = false;
      while (j < limit) {
        int k;
        char32_t d = At(text, j, &k);
        if (k == 0) break;
        if (IsAlnumCp(d)) {
          j += k;
          continue;
        }
        int k2;
        char32_t e = j + k < limit ? At(text, j + k, &k2) : 0;
        if (IsApostrophe(d)) {
          if ((e == 's' || e == 'S')) {
            int k3;
            char32_t f = j + k + 1 < limit ? At(text, j + k + 1, &k3) : 0;
            if (!IsAlnumCp(f)) break;  // possessive 's
          }
          if (IsAlnumCp(e)) {
            j += k;
            continue;
          }
          break;
        }
        if ((d == '-' || d == '&' || d == '.') && IsAlnumCp(e)) {
          if (d == '.') has_period = true;
          j += k;
          continue;
        }
        if (d == '.') {
          const std::string_view sofar = text.substr(i, j - i);
          const bool initial = sofar.size() == 1 && w.capitalized;
          if (has_period || initial || IsAbbreviation(sofar)) j += k;
        }
        break;
      }
      w.end = static_cast<uint32_t>(j);
      w.kind = WordKind::kWord;
      v.words.push_back(w);
      i = j;
      continue;
    }
    if (IsApostrophe(c) && !v.words.empty() && v.words.back().kind == WordKind::kWord &&
        v.words.back().end == i) {
      int k;
      char32_t e = i + n < limit ? At(text, i + n, &k) : 0;
      if (e == 's' || e == 'S') {
        w.end = static_cast<uint32_t>(i + n + 1);
      } else {
        w.end = static_cast<uint32_t>(i + n);
      }
      w.kind = WordKind::kPossessive;
      v.words.push_back(w);
      i = w.end;
      continue;
    }
    w.end = static_cast<uint32_t>(i + n);
    w.kind = WordKind::kPunct;
    v.words.push_back(w);
    i += n;
  }

  // Attribution sentences: . ! ? outside quotations end one; so does a closing mark right after
  // sentence-final punctuation when a capitalized word or another quotation follows; so does a
  // paragraph break.
  uint32_t sentence = 0;
  v.sentence_first.push_back(0);
  for (size_t k = 0; k < v.words.size(); ++k) {
    Word& w = v.words[k];
    if (k > 0 && w.paragraph != v.words[k - 1].paragraph) {
      if (v.sentence_first.back() != k) {
        ++sentence;
        v.sentence_first.push_back(static_cast<uint32_t>(k));
      }
    }
    w.sentence = sentence;
    bool ends = false;
    if (w.kind == WordKind::kPunct && !w.in_quote) {
      const std::string_view t = v.Text(w);
      ends = t == "." || t == "!" || t == "?";
    } else if (w.kind == WordKind::kCloseQuote && w.begin > 0) {
      const char last = text[w.begin - 1];
      if (last == '.' || last == '!' || last == '?') {
        ends = k + 1 >= v.words.size() || v.words[k + 1].capitalized ||
               v.words[k + 1].kind == WordKind::kOpenQuote;
      }
    }
    if (ends && k + 1 < v.words.size()) {
      // Keep a closing mark or bracket that directly follows with the sentence it closes.
      ++sentence;
      v.sentence_first.push_back(static_cast<uint32_t>(k + 1));
    }
  }
  v.sentence_first.push_back(static_cast<uint32_t>(v.words.size()));
  return v;
}

}  // namespace byline
