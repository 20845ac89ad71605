// The news tokenizer: one left-to-right scan over the bytes, no regular expressions, no
// backtracking beyond a bounded look-ahead, so it is linear in the text. See tokenizer.h for the
// conventions it follows.
#include "core/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "core/offsets.h"

namespace byline {
namespace {

// What a code point is to the tokenizer.
enum class Cls : uint8_t {
  kInvalid,     // not well-formed UTF-8, or past the end
  kSpace,       // separates tokens and sets space_before
  kFormat,      // invisible (BOM, bidi marks, word joiner): inside a word kept, between tokens skipped
  kLetter,      // any letter of any script (and other word characters)
  kDigit,       // 0-9 (and fullwidth digits)
  kExtend,      // combining marks, variation selectors, skin tones: never start a character
  kZwj,         // U+200D ZERO WIDTH JOINER
  kPunct,       // . , ; : ! ? ( ) [ ] - — – … and friends
  kQuote,       // " ` “ ” ‘ „ « » ‹ › (not ' and ’, see kApostrophe)
  kApostrophe,  // ' and ’: apostrophe or single quotation mark, decided by context
  kSymbol,      // $ % & @ # + © ™ € emoji ...
  kRegional,    // regional indicator letters, paired into flags
};

constexpr std::array<Cls, 128> MakeAsciiClasses() {
  std::array<Cls, 128> c{};
  for (int i = 0; i < 128; ++i) c[i] = Cls::kSymbol;
  for (int i = 0; i < 0x20; ++i) c[i] = Cls::kSpace;  // controls (NUL too) separate tokens
  c[0x7F] = Cls::kSpace;
  c[' '] = Cls::kSpace;
  for (int i = '0'; i <= '9'; ++i) c[i] = Cls::kDigit;
  for (int i = 'A'; i <= 'Z'; ++i) c[i] = Cls::kLetter;
  for (int i = 'a'; i <= 'z'; ++i) c[i] = Cls::kLetter;
  for (char p : {'.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '-', '/', '\\', '|'}) {
    c[static_cast<unsigned char>(p)] = Cls::kPunct;
  }
  c['"'] = Cls::kQuote;
  c['`'] = Cls::kQuote;
  c['\''] = Cls::kApostrophe;
  return c;
}
constexpr std::array<Cls, 128> kAscii = MakeAsciiClasses();

// Classes of non-ASCII code points by simple ranges: everything not listed as space, punctuation,
// quote or symbol is a letter, so every script's letters are word characters.
Cls ClassifyNonAscii(char32_t c) {
  if (c < 0xA0) return Cls::kSpace;  // C1 controls, NEL
  if (c < 0xC0) {
    switch (c) {
      case 0xA0: return Cls::kSpace;
      case 0xAA: case 0xB5: case 0xBA: case 0xB2: case 0xB3: case 0xB9: case 0xBC: case 0xBD:
      case 0xBE: return Cls::kLetter;
      case 0xAB: case 0xBB: return Cls::kQuote;
      case 0xAD: return Cls::kFormat;  // soft hyphen
      case 0xA1: case 0xA7: case 0xB6: case 0xB7: case 0xBF: return Cls::kPunct;
      default: return Cls::kSymbol;
    }
  }
  if (c == 0xD7 || c == 0xF7) return Cls::kSymbol;
  if (c < 0x2000) {
    if ((c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF)) {
      return Cls::kExtend;
    }
    switch (c) {
      case 0x37E: case 0x387: case 0x589: case 0x5BE: case 0x5C0: case 0x5C3: case 0x60C:
      case 0x61B: case 0x61F: case 0x6D4: case 0x964: case 0x965: case 0x10FB: case 0x1362:
      case 0x1367: case 0x1368: case 0x166E: case 0x17D4: case 0x17D5: case 0x1802: case 0x1803:
        return Cls::kPunct;
      case 0x1680: return Cls::kSpace;
      case 0x180E: return Cls::kFormat;
      default: return Cls::kLetter;
    }
  }
  if (c < 0x2070) {
    if (c <= 0x200B) return Cls::kSpace;  // en quad .. hair space, zero width space
    if (c == 0x200C) return Cls::kExtend;
    if (c == 0x200D) return Cls::kZwj;
    if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || c >= 0x2060) {
      return Cls::kFormat;
    }
    if (c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F) return Cls::kSpace;
    if (c == 0x2019) return Cls::kApostrophe;
    if ((c >= 0x2018 && c <= 0x201F) || c == 0x2039 || c == 0x203A) return Cls::kQuote;
    if (c >= 0x2030 && c <= 0x2038) return Cls::kSymbol;  // per mille, primes
    if (c == 0x203C || c == 0x2049) return Cls::kSymbol;   // emoji ‼ ⁉
    return Cls::kPunct;
  }
  if (c < 0x20A0) return Cls::kLetter;  // superscripts and subscripts
  if (c < 0x20D0) return Cls::kSymbol;  // currency
  if (c < 0x2100) return Cls::kExtend;  // combining marks for symbols (keycap U+20E3)
  if (c < 0x2150) return Cls::kSymbol;  // letterlike symbols: ™ ℃ №
  if (c < 0x2190) return Cls::kLetter;  // number forms: ⅓ Ⅳ
  if (c < 0x2C00) return Cls::kSymbol;  // arrows, math, technical, shapes, dingbats
  if (c < 0x2E00) return Cls::kLetter;
  if (c < 0x2E80) return Cls::kPunct;  // supplemental punctuation
  if (c < 0x3000) return Cls::kLetter;
  if (c < 0x3040) {
    if (c == 0x3000) return Cls::kSpace;
    if ((c >= 0x300C && c <= 0x300F) || (c >= 0x301D && c <= 0x301F)) return Cls::kQuote;
    if (c <= 0x3003 || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301C) || c == 0x3030 ||
        c == 0x303D) {
      return Cls::kPunct;
    }
    if (c == 0x3004 || c == 0x3012 || c == 0x3013 || c == 0x3020) return Cls::kSymbol;
    return Cls::kLetter;
  }
  if (c < 0xE000) return Cls::kLetter;  // kana, CJK, Hangul, ...
  if (c < 0xF900) return Cls::kSymbol;  // private use
  if (c < 0xFE00) return Cls::kLetter;
  if (c < 0xFE10) return Cls::kExtend;  // variation selectors
  if (c < 0xFE20) return Cls::kPunct;
  if (c < 0xFE30) return Cls::kExtend;
  if (c < 0xFE70) return Cls::kPunct;
  if (c < 0xFEFF) return Cls::kLetter;
  if (c == 0xFEFF) return Cls::kFormat;  // byte order mark
  if (c < 0xFF00) return Cls::kSymbol;
  if (c < 0xFFF0) {  // fullwidth and halfwidth forms: the ASCII mapping, then letters
    if (c >= 0xFF01 && c <= 0xFF5E) {
      const Cls a = kAscii[c - 0xFF01 + 0x21];
      return a == Cls::kApostrophe ? Cls::kQuote : a;
    }
    if (c <= 0xFF65) return Cls::kPunct;
    if (c >= 0xFFE0) return Cls::kSymbol;
    return Cls::kLetter;
  }
  if (c < 0x10000) return Cls::kSymbol;  // specials, U+FFFD
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return Cls::kRegional;
  if (c >= 0x1F3FB && c <= 0x1F3FF) return Cls::kExtend;  // skin tones
  if (c >= 0x1F000 && c <= 0x1FBFF) return Cls::kSymbol;  // emoji and pictographs
  if (c >= 0xE0000 && c <= 0xE0FFF) return Cls::kExtend;  // tags, variation selectors supplement
  if (c < 0x40000) return Cls::kLetter;
  return Cls::kSymbol;  // private use planes
}

// Words after which a period belongs to the word (sorted for binary search). "No"/"Nos" only
// before a number; single capital letters (initials) and dotted acronyms are handled apart.
constexpr std::string_view kAbbreviations[] = {
    "Adm", "Ala", "Amb", "Apr", "Ariz", "Ark", "Assn", "Atty", "Aug", "Ave", "Blvd", "Brig",
    "Bros", "CO", "CORP", "Calif", "Capt", "Cdr", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp",
    "Cos", "Cpl", "Cpt", "DR", "Dec", "Del", "Dept", "Det", "Dr", "Esq", "Feb", "Fig", "Fla", "Fr",
    "Ft", "Ga", "Gen", "Gens", "Gov", "Govs", "Hon", "INC", "Ill", "Inc", "Ind", "Insp", "JR", "Jan",
    "Jr", "Jul", "Jun", "Kan", "Kans", "Ky", "LTD", "La", "Lt", "Ltd", "MR", "MRS", "MS", "Maj",
    "Mar", "Mass", "Md", "Messrs", "Mich", "Minn", "Miss", "Mmes", "Mo", "Mont", "Mr", "Mrs", "Ms",
    "Msgr", "Mt", "Mx", "Neb", "Nev", "No", "Nos", "Nov", "Oct", "Okla", "Ore", "Pa", "Plc", "Pres",
    "Prof", "Pvt", "Rd", "Rep", "Reps", "Rev", "SR", "ST", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr",
    "St", "Ste", "Supt", "Tenn", "Tex", "Univ", "Va", "Vol", "Vt", "Wash", "Wis", "Wyo", "al",
    "approx", "cf", "dept", "est", "etc", "fig", "pp", "v", "vol", "vs",
};

bool IsAbbreviation(std::string_view w) {
  return std::binary_search(std::begin(kAbbreviations), std::end(kAbbreviations), w);
}

// Top-level domains accepted in bare domain names (example.com); short ones that are also common
// English words (in, it, is, me, us, to ...) are left out so "said.It" stays three tokens.
constexpr std::string_view kTlds[] = {
    "au", "biz", "ca", "ch", "cn", "com", "de", "edu", "es", "eu", "fr", "gov", "ie", "info",
    "int", "io", "jp", "mil", "net", "nl", "nz", "org", "ru", "se", "tv", "uk",
};

bool IsTld(std::string_view label) {
  if (label == "COM" || label == "ORG" || label == "NET") return true;
  return std::binary_search(std::begin(kTlds), std::end(kTlds), label);
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsDomainChar(char c) { return IsAsciiAlnum(c) || c == '-' || c == '.'; }
bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

constexpr std::string_view kRightSingleQuote = "\xE2\x80\x99";  // ’

class Scanner {
 public:
  explicit Scanner(std::string_view text) : t_(text) {}

  std::vector<Token> Run() {
    out_.reserve(t_.size() / 8 + 16);  // news text has about one token per 5-6 bytes
    size_t i = 0;
    while (i < t_.size()) {
      char32_t cp;
      Cls c;
      const int len = At(i, &cp, &c);
      if (len == 0) {  // invalid byte: skipped, does not set space_before
        ++i;
        continue;
      }
      if (c == Cls::kSpace) {
        CountNewline(i, cp);
        space_ = true;
        i += len;
        continue;
      }
      if (c == Cls::kFormat) {
        i += len;
        continue;
      }
      if (newlines_ >= 2) open_single_ = 0;  // quotation marks do not span paragraphs
      i = ScanToken(i, cp, c, len);
    }
    return std::move(out_);
  }

 private:
  // Decodes the character at i: its byte length (0 when invalid or at the end) and class.
  int At(size_t i, char32_t* cp, Cls* cls) const {
    if (i >= t_.size()) {
      *cls = Cls::kInvalid;
      return 0;
    }
    const unsigned char b = static_cast<unsigned char>(t_[i]);
    if (b < 0x80) {
      *cp = b;
      *cls = kAscii[b];
      return 1;
    }
    const int n = DecodeUtf8(t_, i, cp);
    *cls = n == 0 ? Cls::kInvalid : ClassifyNonAscii(*cp);
    return n;
  }
  Cls ClassAt(size_t i) const {
    char32_t cp;
    Cls c;
    At(i, &cp, &c);
    return c;
  }
  bool AlnumAt(size_t i) const {
    const Cls c = ClassAt(i);
    return c == Cls::kLetter || c == Cls::kDigit;
  }
  bool ByteIs(size_t i, char b) const { return i < t_.size() && t_[i] == b; }
  bool DigitAt(size_t i) const { return i < t_.size() && IsAsciiDigit(t_[i]); }
  // Length of the apostrophe (' or ’) at i, or 0.
  size_t ApostropheAt(size_t i) const {
    if (ByteIs(i, '\'')) return 1;
    if (t_.compare(i, 3, kRightSingleQuote) == 0 && i + 3 <= t_.size()) return 3;
    return 0;
  }

  void CountNewline(size_t i, char32_t cp) {
    if (cp == '\n' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028) {
      ++newlines_;
    } else if (cp == '\r') {
      if (!ByteIs(i + 1, '\n')) ++newlines_;  // \r\n counts once, at its \n
    } else if (cp == 0x2029) {
      newlines_ += 2;  // PARAGRAPH SEPARATOR
    }
  }

  void Emit(size_t begin, size_t end, TokenKind kind) {
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    t.space_before = space_;
    t.paragraph_start = newlines_ >= 2;
    out_.push_back(t);
    space_ = false;
    newlines_ = 0;
  }

  // Extends j over combining marks, variation selectors and skin tones.
  size_t AbsorbExtend(size_t j) const {
    for (;;) {
      char32_t cp;
      Cls c;
      const int n = At(j, &cp, &c);
      if (n == 0 || (c != Cls::kExtend && c != Cls::kFormat)) return j;
      j += n;
    }
  }

  size_t ScanToken(size_t i, char32_t cp, Cls c, int len) {
    switch (c) {
      case Cls::kLetter:
      case Cls::kDigit:
        return ScanWordLike(i, c);
      case Cls::kApostrophe:
        return ScanApostrophe(i, cp, len);
      case Cls::kQuote:
        return ScanQuote(i, cp, len);
      case Cls::kPunct:
        return ScanPunct(i, cp, len);
      default:
        return ScanSymbol(i, c, len);
    }
  }

  // ---- words, numbers, URLs, e-mail addresses ----------------------------------------------

  size_t ScanWordLike(size_t i, Cls c) {
    const char prev = i > 0 ? t_[i - 1] : ' ';
    size_t end;
    if (!IsAsciiAlnum(prev) && TryUrl(i, &end)) {
      Emit(i, end, TokenKind::kUrl);
      return end;
    }
    if (!IsEmailLocalChar(prev) && TryEmail(i, &end)) {
      Emit(i, end, TokenKind::kEmail);
      return end;
    }
    if (!IsDomainChar(prev) && TryDomain(i, &end)) {
      Emit(i, end, TokenKind::kUrl);
      return end;
    }
    if (!IsAsciiAlnum(prev) && TryCurrencyPrefix(i, &end)) {  // US$ C$ HK$
      Emit(i, end, TokenKind::kSymbol);
      return end;
    }
    if (c == Cls::kLetter && TryAcronym(i, &end)) {  // U.S. a.m. Ph.D. (and U.S.-led)
      if (ByteIs(end, '-') && AlnumAt(end + 1)) end = ScanWord(end + 1);
      Emit(i, end, TokenKind::kWord);
      return end;
    }
    end = ScanWord(i);
    const TokenKind kind = c == Cls::kDigit ? TokenKind::kNumber : TokenKind::kWord;
    const size_t clitic = CliticStart(i, end);
    if (clitic != end) {  // Ukraine's -> Ukraine 's, don't -> do n't
      Emit(i, clitic, kind);
      Emit(clitic, end, TokenKind::kWord);
      return end;
    }
    if (ByteIs(end, '.') && !ByteIs(end + 1, '.') && PeriodBelongsToWord(i, end)) ++end;
    Emit(i, end, kind);
    return end;
  }

  // Letters, digits and marks, joined by inner hyphens (multi-year, 2023-06-01), inner
  // apostrophes (O'Brien, don't), & between capitals (AT&T), and in numbers by . , : /
  // (3.5, 1,200, 3:30, 24/7).
  size_t ScanWord(size_t j) const {
    Cls last = Cls::kLetter;  // class of the last letter or digit
    for (;;) {
      char32_t cp;
      Cls c;
      const int n = At(j, &cp, &c);
      if (n == 0) return j;
      if (c == Cls::kLetter || c == Cls::kDigit) {
        last = c;
        j += n;
        continue;
      }
      if (c == Cls::kExtend || c == Cls::kZwj || c == Cls::kFormat) {
        j += n;
        continue;
      }
      const size_t k = j + n;
      if (cp == '-' || cp == 0x2010 || cp == 0x2011) {
        size_t acronym_end;
        if (TryAcronym(k, &acronym_end)) {  // anti-U.S.
          j = acronym_end;
          continue;
        }
        if (AlnumAt(k)) {
          j = k;
          continue;
        }
        return j;
      }
      if (c == Cls::kApostrophe) {
        if (ClassAt(k) == Cls::kLetter) {
          j = k;
          continue;
        }
        return j;
      }
      if (cp == '&') {
        if (j > 0 && IsAsciiUpper(t_[j - 1]) && k < t_.size() && IsAsciiUpper(t_[k])) {
          j = k;
          continue;
        }
        return j;
      }
      if (last == Cls::kDigit && DigitAt(k)) {
        if (cp == '.' || cp == '/') {
          j = k;
          continue;
        }
        if (cp == ',' && DigitAt(k + 1) && DigitAt(k + 2) && !DigitAt(k + 3)) {
          j = k;
          continue;
        }
        if (cp == ':' && DigitAt(k + 1) && !DigitAt(k + 2)) {
          j = k;
          continue;
        }
      }
      return j;
    }
  }

  // Where a clitic starts in word [b, e): 's 're 've 'll 'd 'm (either apostrophe) or n't;
  // e when there is none.
  size_t CliticStart(size_t b, size_t e) const {
    // The last apostrophe is within the last 4 bytes before the suffix letters.
    size_t a = std::string_view::npos;
    size_t alen = 0;
    for (size_t p = e; p > b && e - p <= 5;) {
      --p;
      if (t_[p] == '\'') {
        a = p;
        alen = 1;
        break;
      }
      if (p >= b + 2 && t_.compare(p - 2, 3, kRightSingleQuote) == 0) {
        a = p - 2;
        alen = 3;
        break;
      }
    }
    if (a == std::string_view::npos || a == b) return e;
    std::string suffix(t_.substr(a + alen, e - a - alen));
    for (char& ch : suffix) ch = static_cast<char>(ch | 0x20);  // ASCII lowercase (letters only)
    if (suffix == "s" || suffix == "re" || suffix == "ve" || suffix == "ll" || suffix == "d" ||
        suffix == "m") {
      return a;
    }
    if (suffix == "t" && a >= b + 2 && (t_[a - 1] == 'n' || t_[a - 1] == 'N')) return a - 1;
    return e;
  }

  // Whether the period right after word [b, e) is part of it: initials (J.), abbreviations (Mr.).
  bool PeriodBelongsToWord(size_t b, size_t e) const {
    const std::string_view w = t_.substr(b, e - b);
    if (w.size() == 1) return IsAsciiUpper(w[0]);
    if (w.size() > 6 || !IsAbbreviation(w)) return false;
    if (w == "No" || w == "Nos") {  // "No. 10", not "No."
      size_t k = e + 1;
      while (ByteIs(k, ' ')) ++k;
      return DigitAt(k);
    }
    return true;
  }

  // Dotted acronyms: one or two letters then a period, then single letters with periods, at least
  // two groups and at most ten (U.S., U.S.A., a.m., e.g., Ph.D.).
  bool TryAcronym(size_t i, size_t* end) const {
    size_t j = i;
    int groups = 0;
    while (groups < 10) {
      size_t k = j;
      int letters = 0;
      const int max_letters = groups == 0 ? 2 : 1;
      for (;;) {
        char32_t cp;
        Cls c;
        const int n = At(k, &cp, &c);
        if (n == 0 || c != Cls::kLetter || letters > max_letters) break;
        ++letters;
        k += n;
      }
      if (letters == 0 || letters > max_letters || !ByteIs(k, '.')) break;
      ++groups;
      j = k + 1;
    }
    if (groups < 2) return false;
    *end = j;
    return true;
  }

  bool TryUrl(size_t i, size_t* end) const {
    static constexpr std::string_view kPrefixes[] = {"http://", "https://", "ftp://", "www."};
    bool found = false;
    for (std::string_view p : kPrefixes) {
      if (t_.size() - i > p.size() && AsciiCaseEqual(t_.substr(i, p.size()), p) &&
          AlnumAt(i + p.size())) {
        found = true;
        break;
      }
    }
    if (!found) return false;
    *end = UrlRest(i);
    return true;
  }

  static bool AsciiCaseEqual(std::string_view a, std::string_view lower) {
    for (size_t k = 0; k < a.size(); ++k) {
      if ((a[k] | 0x20) != lower[k] && a[k] != lower[k]) return false;
    }
    return true;
  }

  // The end of a URL starting at j: up to whitespace, a quotation mark, <, > or non-letter
  // Unicode, without trailing sentence punctuation or an unbalanced closing bracket.
  size_t UrlRest(size_t j) const {
    const size_t start = j;
    int open_paren = 0, close_paren = 0, open_bracket = 0, close_bracket = 0;
    for (;;) {
      char32_t cp;
      Cls c;
      const int n = At(j, &cp, &c);
      if (n == 0) break;
      if (cp < 0x80) {
        if (c == Cls::kSpace || cp == '"' || cp == '<' || cp == '>' || cp == '`') break;
      } else if (c != Cls::kLetter && c != Cls::kDigit && c != Cls::kExtend) {
        break;
      }
      open_paren += cp == '(';
      close_paren += cp == ')';
      open_bracket += cp == '[';
      close_bracket += cp == ']';
      j += n;
    }
    while (j > start + 1) {
      const char last = t_[j - 1];
      if (std::strchr(".,;:!?'*", last) != nullptr) {
        --j;
      } else if (last == ')' && close_paren > open_paren) {
        --close_paren;
        --j;
      } else if (last == ']' && close_bracket > open_bracket) {
        --close_bracket;
        --j;
      } else {
        break;
      }
    }
    return j;
  }

  // Domain labels [A-Za-z0-9-] separated by periods, starting at i, without trailing . or -.
  // Sets *end and returns the number of labels (0 when a label is empty).
  int ScanDomain(size_t i, size_t* end, std::string_view* last_label) const {
    size_t j = i;
    while (j < t_.size() && IsDomainChar(t_[j])) ++j;
    while (j > i && (t_[j - 1] == '.' || t_[j - 1] == '-')) --j;
    if (j == i) return 0;
    int labels = 1;
    size_t label_begin = i;
    for (size_t k = i; k < j; ++k) {
      if (t_[k] != '.') continue;
      if (k == label_begin) return 0;
      ++labels;
      label_begin = k + 1;
    }
    *last_label = t_.substr(label_begin, j - label_begin);
    *end = j;
    return labels;
  }

  bool TryEmail(size_t i, size_t* end) const {
    size_t j = i;
    while (j < t_.size() && IsEmailLocalChar(t_[j])) ++j;
    if (!ByteIs(j, '@') || t_[j - 1] == '.') return false;
    std::string_view tld;
    size_t domain_end;
    if (ScanDomain(j + 1, &domain_end, &tld) < 2 || tld.size() < 2) return false;
    for (char ch : tld) {
      if (!((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')) return false;
    }
    if (ClassAt(domain_end) == Cls::kLetter) return false;
    *end = domain_end;
    return true;
  }

  bool TryDomain(size_t i, size_t* end) const {
    std::string_view tld;
    size_t j;
    if (ScanDomain(i, &j, &tld) < 2 || !IsTld(tld)) return false;
    const Cls next = ClassAt(j);
    if (next == Cls::kLetter || next == Cls::kDigit) return false;
    if (ByteIs(j, '/')) j = UrlRest(j);
    *end = j;
    return true;
  }

  bool TryCurrencyPrefix(size_t i, size_t* end) const {
    size_t j = i;
    while (j < t_.size() && j - i < 3 && IsAsciiUpper(t_[j])) ++j;
    if (j == i || !ByteIs(j, '$')) return false;
    if (!(DigitAt(j + 1) || ClassAt(j + 1) == Cls::kSpace)) return false;
    *end = j + 1;
    return true;
  }

  // ---- quotation marks and apostrophes -------------------------------------------------------

  // Whether the token ending at i (if any, with no space in between) opens a phrase: an opening
  // bracket, dash or slash, or an opening quotation mark.
  bool AfterOpener(size_t i) const {
    if (space_ || out_.empty()) return true;
    const Token& p = out_.back();
    if (p.end != i) return false;
    const std::string_view s = t_.substr(p.begin, p.end - p.begin);
    if (p.kind == TokenKind::kQuote) {
      return s == "\xE2\x80\x9C" || s == "\xE2\x80\x98" || s == "\xC2\xAB" || s == "\xE2\x80\x9E" ||
             s == "``" || s == "`" || ((s == "\"" || s == "'") && p.space_before);
    }
    return s == "(" || s == "[" || s == "{" || s == "-" || s == "--" || s == "/" ||
           s == "\xE2\x80\x94" || s == "\xE2\x80\x93";
  }

  size_t ScanApostrophe(size_t i, char32_t cp, int len) {
    const size_t k = i + len;
    if (cp == '\'' && ByteIs(k, '\'')) {  // '' as a closing quotation mark
      Emit(i, i + 2, TokenKind::kQuote);
      return i + 2;
    }
    const bool opener_side = AfterOpener(i);
    if (opener_side) {
      size_t end;
      if (TryElision(k, &end)) {  // ’90s, rock 'n' roll
        Emit(i, end, TokenKind::kWord);
        return end;
      }
    }
    const Cls next = ClassAt(k);
    const bool next_open = next != Cls::kSpace && next != Cls::kInvalid;
    const size_t end = AbsorbExtend(k);
    if (opener_side) {
      if (next_open) ++open_single_;
      Emit(i, end, TokenKind::kQuote);
    } else if (open_single_ > 0) {
      --open_single_;
      Emit(i, end, TokenKind::kQuote);
    } else if (i > 0 && (t_[i - 1] == 's' || t_[i - 1] == 'S')) {
      Emit(i, end, TokenKind::kWord);  // plural possessive: the allies' door
    } else {
      Emit(i, end, TokenKind::kQuote);
    }
    return end;
  }

  // After an apostrophe at word start, k just past it: two digits and an optional s ('90s, '07),
  // or n plus another apostrophe ('n'). Sets *end past the elided word.
  bool TryElision(size_t k, size_t* end) const {
    if (DigitAt(k) && DigitAt(k + 1) && !DigitAt(k + 2)) {
      size_t e = k + 2;
      if (ByteIs(e, 's')) ++e;
      if (AlnumAt(e)) return false;
      *end = e;
      return true;
    }
    if (ByteIs(k, 'n') || ByteIs(k, 'N')) {
      const size_t a = ApostropheAt(k + 1);
      if (a != 0 && !AlnumAt(k + 1 + a)) {
        *end = k + 1 + a;
        return true;
      }
    }
    return false;
  }

  size_t ScanQuote(size_t i, char32_t cp, int len) {
    size_t end = i + len;
    if (cp == '`' && ByteIs(end, '`')) ++end;  // `` as an opening quotation mark
    if (cp == 0x2018 || cp == 0x201A) {        // ‘ ‚ open a single quotation
      size_t e;
      if (cp == 0x2018 && AfterOpener(i) && TryElision(end, &e) && DigitAt(end)) {
        Emit(i, e, TokenKind::kWord);  // ‘90s typed with the wrong mark
        return e;
      }
      ++open_single_;
    }
    end = AbsorbExtend(end);
    Emit(i, end, TokenKind::kQuote);
    return end;
  }

  // ---- punctuation and symbols ---------------------------------------------------------------

  size_t ScanPunct(size_t i, char32_t cp, int len) {
    size_t end = i + len;
    if (cp == '.' || cp == '-') {
      while (ByteIs(end, static_cast<char>(cp))) ++end;  // ... and -- as one token
      if (end == i + 1 && cp == '.' && DigitAt(end) && (i == 0 || !IsAsciiAlnum(t_[i - 1]))) {
        end = ScanWord(end);  // .5
        Emit(i, end, TokenKind::kNumber);
        return end;
      }
    }
    end = AbsorbExtend(end);
    Emit(i, end, TokenKind::kPunct);
    return end;
  }

  // One symbol, or one emoji sequence: modifiers, variation selectors, keycaps and ZWJ-joined
  // pictographs stay together; two regional indicators make one flag.
  size_t ScanSymbol(size_t i, Cls c, int len) {
    size_t j = i + len;
    if (c == Cls::kRegional && ClassAt(j) == Cls::kRegional) j += 4;
    for (;;) {
      j = AbsorbExtend(j);
      char32_t cp;
      Cls next;
      const int n = At(j, &cp, &next);
      if (n == 0 || next != Cls::kZwj) break;
      char32_t cp2;
      Cls after;
      const int n2 = At(j + n, &cp2, &after);
      if (n2 == 0 || (after != Cls::kSymbol && after != Cls::kRegional)) break;
      j += n + n2;
    }
    Emit(i, j, TokenKind::kSymbol);
    return j;
  }

  std::string_view t_;
  std::vector<Token> out_;
  bool space_ = true;   // whitespace (or the text start) since the last token
  int newlines_ = 2;    // line breaks since the last token; the text start counts as a paragraph
  int open_single_ = 0; // single quotation marks opened and not yet closed in this paragraph
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return Scanner(text).Run(); }

}  // namespace byline
