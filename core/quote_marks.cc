#include "core/quote_marks.h"

#include <algorithm>

#include "core/offsets.h"

namespace byline {
namespace {

enum Family : uint8_t { kDouble = 0, kGuillemet = 1, kSingle = 2 };
enum Dir : uint8_t { kOpen, kClose, kEither };

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsAlnum(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, dingbats
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  return true;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Characters after which a mark opens: nothing, space, opening brackets, dashes, slashes.
bool IsOpeningContext(char32_t c) {
  return c == 0 || IsSpace(c) || c == '(' || c == '[' || c == '{' || c == '-' || c == '/' ||
         c == 0x2013 || c == 0x2014 || c == 0x2015 || c == ':' || c == '>';
}

// Characters before which a mark closes: nothing, space, punctuation, closing brackets, dashes.
bool IsClosingContext(char32_t c) {
  return c == 0 || IsSpace(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
         c == '?' || c == ')' || c == ']' || c == '}' || c == '-' || c == 0x2013 || c == 0x2014 ||
         c == 0x2015 || c == 0x2026 || c == '<' || c == '/';
}

struct Mark {
  Family family;
  Dir dir;
  bool single_quote_like;  // ' ’ ‘: may be an apostrophe
};

// Classifies the mark glyph starting at text[i]; *len gets its byte length. False if no mark.
bool ClassifyMark(std::string_view text, size_t i, char32_t c, int n, Mark* m, int* len) {
  *len = n;
  switch (c) {
    case '"': *m = {kDouble, kEither, false}; return true;
    case 0x201C: *m = {kDouble, kOpen, false}; return true;   // “
    case 0x201D: *m = {kDouble, kClose, false}; return true;  // ”
    case 0x201E: *m = {kDouble, kOpen, false}; return true;   // „
    case 0x201F: *m = {kDouble, kOpen, false}; return true;   // ‟
    case 0x00AB: *m = {kGuillemet, kOpen, false}; return true;   // «
    case 0x00BB: *m = {kGuillemet, kClose, false}; return true;  // »
    case 0x2039: *m = {kSingle, kOpen, false}; return true;   // ‹
    case 0x203A: *m = {kSingle, kClose, false}; return true;  // ›
    case 0x2018: *m = {kSingle, kOpen, true}; return true;    // ‘
    case 0x2019: *m = {kSingle, kClose, true}; return true;   // ’
    case '`':
      if (i + 1 < text.size() && text[i + 1] == '`') {
        *m = {kDouble, kOpen, false};
        *len = 2;
      } else {
        *m = {kSingle, kOpen, false};
      }
      return true;
    case '\'':
      // ''' is a single mark closing inside a doubled one: 'old-school,'''
      if (i + 1 < text.size() && text[i + 1] == '\'' &&
          !(i + 2 < text.size() && text[i + 2] == '\'')) {
        *m = {kDouble, kEither, false};
        *len = 2;
      } else {
        *m = {kSingle, kEither, true};
      }
      return true;
    default:
      return false;
  }
}

struct Open {
  uint32_t mark;   // where the opening mark starts
  uint32_t inner;  // just after it
  Family family;
  bool multi_paragraph;
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<QuotedSpan> Run() {
    size_t i = 0;
    char32_t prev = 0;
    bool prev_was_opening_mark = false;
    last_content_end_ = 0;
    while (i < text_.size()) {
      char32_t c;
      int n = DecodeUtf8(text_, i, &c);
      if (n == 0) {  // invalid byte: neither space nor mark
        prev = 0xFFFD;
        prev_was_opening_mark = false;
        ++i;
        last_content_end_ = static_cast<uint32_t>(i);
        continue;
      }
      if (c == '\n' || c == '\r') {
        EndParagraph(i);
        prev = 0;
        prev_was_opening_mark = false;
        i += n;
        continue;
      }
      if (c == '<' && SkipMarkup(&i)) {
        prev = '>';
        prev_was_opening_mark = false;
        paragraph_has_content_ = true;
        last_content_end_ = static_cast<uint32_t>(i);
        continue;
      }
      Mark m;
      int len;
      if (!ClassifyMark(text_, i, c, n, &m, &len)) {
        if (!IsSpace(c)) {
          if (carry_) FlushCarry();
          at_paragraph_start_ = false;
          paragraph_has_content_ = true;
          last_content_end_ = static_cast<uint32_t>(i + n);
        }
        prev = c;
        prev_was_opening_mark = false;
        i += n;
        continue;
      }
      char32_t next = 0;
      if (i + len < text_.size() && DecodeUtf8(text_, i + len, &next) == 0) next = 0xFFFD;
      const bool opener_like = !IsClosingContext(next) &&
                               (IsOpeningContext(prev) || prev_was_opening_mark);
      const bool closer_like = !(prev == 0 || IsSpace(prev) || prev_was_opening_mark) &&
                               (IsClosingContext(next) || IsMarkAt(i + len));
      bool opened = false;
      if (m.single_quote_like) {
        opened = HandleSingle(i, len, c, prev, next, opener_like, closer_like);
      } else {
        Dir d = m.dir;
        if (d == kEither) {
          if (opener_like && !closer_like) d = kOpen;
          else if (closer_like && !opener_like) d = kClose;
          else d = count_[m.family] > 0 ? kClose : kOpen;
        } else if (d == kOpen && closer_like && !opener_like && count_[m.family] > 0) {
          d = kClose;  // “ written where ” belongs
        } else if (d == kClose && opener_like && !closer_like && count_[m.family] == 0) {
          d = kOpen;   // ” written where “ belongs
        }
        if (d == kOpen) {
          Push(i, len, m.family);
          opened = true;
        } else {
          Close(i, len, m.family);
        }
      }
      if (carry_) FlushCarry();  // this paragraph's first mark did not re-open the quotation
      paragraph_has_content_ = true;
      last_content_end_ = static_cast<uint32_t>(i + len);
      prev = c;
      prev_was_opening_mark = opened;
      i += len;
    }
    EndParagraph(text_.size());
    // Outermost only: drop spans inside another (sorted by begin, longer first).
    std::sort(out_.begin(), out_.end(), [](const QuotedSpan& a, const QuotedSpan& b) {
      return a.open != b.open ? a.open < b.open : a.close_end > b.close_end;
    });
    std::vector<QuotedSpan> outer;
    for (const QuotedSpan& q : out_) {
      if (!outer.empty() && q.open < outer.back().close_end) continue;
      outer.push_back(q);
    }
    return outer;
  }

 private:
  bool IsMarkAt(size_t i) const {
    char32_t c;
    int n = DecodeUtf8(text_, i, &c);
    Mark m;
    int len;
    return n > 0 && ClassifyMark(text_, i, c, n, &m, &len);
  }

  // Skips <tag ...> and </tag> markup (a letter or / right after '<', '>' within the line).
  bool SkipMarkup(size_t* i) const {
    size_t j = *i + 1;
    if (j >= text_.size()) return false;
    const char c = text_[j];
    if (!(c == '/' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    const size_t limit = std::min(text_.size(), *i + 2000);
    bool in_value = false;  // inside an attribute's "…", where a line break may occur
    for (; j < limit; ++j) {
      if (text_[j] == '"' && text_[j - 1] == '=') in_value = true;
      else if (text_[j] == '"') in_value = false;
      if (text_[j] == '>' && !in_value) {
        *i = j + 1;
        return true;
      }
      if (text_[j] == '<' || (text_[j] == '\n' && !in_value)) return false;
    }
    return false;
  }

  // ' ’ ‘: apostrophe or single quotation mark. Returns true if it opened a quotation.
  bool HandleSingle(size_t i, int len, char32_t c, char32_t prev, char32_t next, bool opener_like,
                    bool closer_like) {
    const bool prev_alnum = IsAlnum(prev), next_alnum = IsAlnum(next);
    if (prev_alnum && next_alnum) return false;  // don't, Ukraine's
    if (!prev_alnum && IsDigit(next)) return false;  // ’90s
    // rock ’n’ roll: the mark, n, the same mark.
    if (next == 'n' && i + len + 1 < text_.size()) {
      char32_t after;
      int k = DecodeUtf8(text_, i + len + 1, &after);
      if (k > 0 && after == c) {
        char32_t after2 = 0;
        if (i + len + 1 + k < text_.size()) DecodeUtf8(text_, i + len + 1 + k, &after2);
        if (IsSpace(after2)) {
          skip_next_single_at_ = static_cast<uint32_t>(i + len + 1);
          return false;
        }
      }
    }
    if (i == skip_next_single_at_) return false;
    if (c == 0x2019 && next_alnum) return false;  // ’em, ’tis: a ’ before a letter is an apostrophe
    if (opener_like && !closer_like) {
      Push(i, len, kSingle);
      return true;
    }
    if (closer_like && count_[kSingle] > 0) Close(i, len, kSingle);
    return false;  // else an apostrophe (allies’, goin')
  }

  void Push(size_t i, int len, Family f) {
    if (carry_ && f == carry_family_ && at_paragraph_start_) {
      // The next paragraph re-opens the quotation the previous one left open.
      stack_.push_back(carry_open_);
      carry_ = false;
    } else {
      stack_.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), f, false});
    }
    ++count_[f];
    at_paragraph_start_ = false;
  }

  void Close(size_t i, int len, Family f) {
    at_paragraph_start_ = false;
    if (count_[f] == 0) return;  // a stray closing mark
    while (!stack_.empty()) {
      Open o = stack_.back();
      stack_.pop_back();
      --count_[o.family];
      if (o.family != f) continue;  // an inner quotation that never closed
      if (count_[kDouble] + count_[kGuillemet] == 0) {  // outermost, or inside singles only
        QuotedSpan q;
        q.open = o.mark;
        q.begin = o.inner;
        q.end = static_cast<uint32_t>(i);
        q.close_end = static_cast<uint32_t>(i + len);
        q.closed = true;
        q.multi_paragraph = o.multi_paragraph;
        out_.push_back(q);
      }
      return;
    }
  }

  // Ends the paragraph whose line break is at `at`: a double quotation left open ends here or, if
  // the next paragraph opens with a mark of its family, carries over.
  void EndParagraph(size_t at) {
    if (!paragraph_has_content_) return;  // a blank line
    paragraph_has_content_ = false;
    at_paragraph_start_ = true;
    if (carry_) FlushCarry();
    if (stack_.empty()) return;
    const Open* outer = nullptr;
    for (const Open& o : stack_) {
      if (o.family != kSingle) {
        outer = &o;
        break;
      }
    }
    if (outer != nullptr) {
      Open o = *outer;
      // Look at the next paragraph's first visible character.
      size_t j = at;
      char32_t c = 0;
      int n = 0;
      while (j < text_.size()) {
        n = DecodeUtf8(text_, j, &c);
        if (n == 0 || !IsSpace(c)) break;
        j += n;
      }
      Mark m;
      int len;
      bool reopens = false;
      if (n > 0 && j < text_.size() && ClassifyMark(text_, j, c, n, &m, &len) &&
          m.family == o.family && m.dir != kClose) {
        reopens = true;
      }
      if (reopens) {
        o.multi_paragraph = true;
        carry_ = true;
        carry_open_ = o;
        carry_family_ = o.family;
        carry_end_ = last_content_end_;
      } else {
        EmitUnclosed(o, last_content_end_);
      }
    }
    stack_.clear();
    count_[0] = count_[1] = count_[2] = 0;
  }

  void EmitUnclosed(const Open& o, uint32_t end) {
    if (end <= o.inner) return;
    QuotedSpan q;
    q.open = o.mark;
    q.begin = o.inner;
    q.end = end;
    q.close_end = end;
    q.closed = false;
    q.multi_paragraph = o.multi_paragraph;
    out_.push_back(q);
  }

  // The quotation carried over from the previous paragraph was not re-opened after all.
  void FlushCarry() {
    carry_ = false;
    EmitUnclosed(carry_open_, carry_end_);
  }

  std::string_view text_;
  std::vector<Open> stack_;
  int count_[3] = {0, 0, 0};
  std::vector<QuotedSpan> out_;
  uint32_t last_content_end_ = 0;  // just after the last non-space character seen
  uint32_t skip_next_single_at_ = UINT32_MAX;
  bool at_paragraph_start_ = true;
  bool paragraph_has_content_ = false;
  bool carry_ = false;
  Open carry_open_{};
  Family carry_family_ = kDouble;
  uint32_t carry_end_ = 0;
};

}  // namespace

std::vector<QuotedSpan> FindQuotedSpans(std::string_view text) { return Scanner(text).Run(); }

}  // namespace byline
