#include "core/ner_features.h"

#include <algorithm>
#include <cstring>

#include "core/model.h"

namespace byline::ner {
namespace {

constexpr const char* kTagNames[kNumTags] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                             "B-LOC", "I-LOC", "B-MISC", "I-MISC"};

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return h;
}

inline uint32_t Feature(uint32_t tmpl, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = Mix(0x51ED270B27Aull + tmpl, a);
  h = Mix(h, b);
  h = Mix(h, c);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// Feature templates. Numbers are part of the model format: do not renumber.
enum Template : uint32_t {
  kBias = 1,
  kWord,
  kNorm,
  kNormM1,
  kNormP1,
  kNormM2,
  kNormP2,
  kNormM1Norm,
  kNormNormP1,
  kPrefix = 10,
  kSuffix,
  kShape = 20,
  kShapeM1,
  kShapeP1,
  kShapeM2,
  kShapeP2,
  kShapeM1Shape,
  kShapeShapeP1,
  kShapeTri,
  kShapeNormM1,
  kShapeNormP1,
  kFirst = 30,
  kHeadlineNorm,
  kHeadlineShape,
  kDateline,
  kCluster = 40,
  kClusterM1,
  kClusterP1,
  kClusterM2,
  kClusterP2,
  kNoCluster,
  kCaseEvidence,
  kGaz = 50,
  kGazM1,
  kGazP1,
  kGazShape,
  kDocMajority = 60,
  kDocFirst,
  kDocMajorityShape,
  kDocBoth,
  kTableShape = 70,
  kNumberNeighbours,
  kScoreShape,
  kNumberNeighboursNorm,
  kTableCluster,
  kTableGaz,
  kDocNeighbours = 81,  // 80 was tried and left out
};

constexpr uint64_t kPadBefore = 0xB0B0B0B0ull;
constexpr uint64_t kPadAfter = 0xE0E0E0E0ull;

// Decodes one code point at s[i]; returns its length (1 for an invalid byte, cp = 0xFFFD).
int DecodeUtf8(std::string_view s, size_t i, uint32_t* cp) {
  const unsigned char c = s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) {
    *cp = 0xFFFD;
    return 1;
  }
  uint32_t v = c & (0x7F >> n);
  for (int k = 1; k < n; ++k) {
    const unsigned char d = s[i + k];
    if ((d & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (d & 0x3F);
  }
  *cp = v;
  return n;
}

// 'X' upper, 'x' lower, 'd' digit, 0 for other code points.
char CharClass(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return 'X';
  if (cp >= 'a' && cp <= 'z') return 'x';
  if (cp >= '0' && cp <= '9') return 'd';
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return 'X';
  if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return 'x';
  if (cp >= 0x100 && cp <= 0x17F) {  // Latin Extended-A: case pairs, odd-first in two runs
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return (cp % 2 == 1) == odd_upper ? 'X' : 'x';
  }
  if (cp >= 0x391 && cp <= 0x3A9) return 'X';
  if (cp >= 0x3B1 && cp <= 0x3C9) return 'x';
  if (cp >= 0x410 && cp <= 0x42F) return 'X';
  if (cp >= 0x430 && cp <= 0x44F) return 'x';
  return 0;
}

struct TokenInfo {
  uint64_t word = 0, norm = 0, shape = 0;
  int cluster = -1;
  bool cap = false;       // first letter upper
  bool all_caps = false;  // has letters, none lower
  bool has_lower = false;
  bool has_digit = false;
  bool has_letter = false;
};

// Document features of token i of a sentence of n tokens (hints has n entries).
void AppendDocFeatures(const DocHint* hints, size_t i, size_t n, uint64_t shape,
                       std::vector<uint32_t>* ids) {
  const DocHint& h = hints[i];
  // What the rest of the document says about the neighbours ("Reynard Honda", "Deportivo Coruna").
  const uint8_t before = i > 0 ? hints[i - 1].majority : 6;
  const uint8_t after = i + 1 < n ? hints[i + 1].majority : 6;
  if ((before && before != 6) || (after && after != 6)) {
    ids->push_back(Feature(kDocNeighbours, before, after, h.majority));
  }
  if (h.majority) {
    ids->push_back(Feature(kDocMajority, h.majority));
    ids->push_back(Feature(kDocMajorityShape, h.majority, shape));
  }
  if (h.first) ids->push_back(Feature(kDocFirst, h.first));
  if (h.majority || h.first) ids->push_back(Feature(kDocBoth, h.majority, h.first));
}

void FillInfo(std::string_view w, TokenInfo* t) {
  t->word = HashBytes(w);
  // Normalized form and shape hashes in one sweep (same bytes as NormalizeWord and WordShape).
  uint64_t norm = 0xCBF29CE484222325ull;
  uint64_t shape = 0xCBF29CE484222325ull;
  char last = 1;
  bool first_letter_seen = false;
  for (size_t i = 0; i < w.size();) {
    uint32_t cp;
    const int len = DecodeUtf8(w, i, &cp);
    const char cls = CharClass(cp);
    for (int k = 0; k < len; ++k) {
      unsigned char b = w[i + k];
      if (b >= 'A' && b <= 'Z') b = b - 'A' + 'a';
      if (b >= '0' && b <= '9') b = '0';
      norm = (norm ^ b) * 0x100000001B3ull;
    }
    char sc = cls;
    if (!cls) sc = len == 1 ? w[i] : 'o';
    if (sc != last || !cls) {
      shape = (shape ^ static_cast<unsigned char>(sc)) * 0x100000001B3ull;
    }
    last = sc;
    if (cls == 'X' || cls == 'x') {
      if (!first_letter_seen) t->cap = cls == 'X';
      first_letter_seen = true;
      t->has_letter = true;
      if (cls == 'x') t->has_lower = true;
    }
    if (cls == 'd') t->has_digit = true;
    i += len;
  }
  t->all_caps = t->has_letter && !t->has_lower;
  t->norm = norm;
  t->shape = shape;
}

}  // namespace

const char* TagName(int tag) { return tag >= 0 && tag < kNumTags ? kTagNames[tag] : "O"; }

int TagFromName(std::string_view name) {
  for (int t = 0; t < kNumTags; ++t) {
    if (name == kTagNames[t]) return t;
  }
  return -1;
}

uint64_t HashBytes(std::string_view s, uint64_t seed) {
  uint64_t h = 0xCBF29CE484222325ull ^ seed;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ull;
  return h;
}

std::string NormalizeWord(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

std::string WordShape(std::string_view w) {
  std::string out;
  char last = 1;
  for (size_t i = 0; i < w.size();) {
    uint32_t cp;
    const int len = DecodeUtf8(w, i, &cp);
    const char cls = CharClass(cp);
    char sc = cls ? cls : (len == 1 ? w[i] : 'o');
    if (sc != last || !cls) out.push_back(sc);
    last = sc;
    i += len;
  }
  return out;
}

// ---- WordClusters ----------------------------------------------------------------------------

uint32_t* HashIndex::Insert(uint64_t key) {
  if ((size_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot());
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.used) *Insert(s.key) = s.value;
    }
  }
  size_t s = Mix(key) & mask_;
  while (slots_[s].used && slots_[s].key != key) s = (s + 1) & mask_;
  if (!slots_[s].used) {
    slots_[s].used = 1;
    slots_[s].key = key;
    ++size_;
  }
  return &slots_[s].value;
}

void WordClusters::Add(std::string_view word, int cluster) {
  uint32_t* v = index_.Insert(HashBytes(word));
  if (*v) return;  // first one wins
  *v = static_cast<uint32_t>(cluster) + 1;
  words_.emplace_back(std::string(word), static_cast<uint16_t>(cluster));
}

bool WordClusters::ParseText(std::string_view text, std::string* error) {
  *this = WordClusters();
  std::unordered_map<std::string, int> path_ids;
  size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab > 32) {
      *error = "cluster line " + std::to_string(line_no) + ": expected BITS<TAB>WORD";
      return false;
    }
    std::string_view bits = line.substr(0, tab);
    std::string_view word = line.substr(tab + 1);
    word = word.substr(0, word.find('\t'));
    Path p;
    for (char c : bits) {
      if (c != '0' && c != '1') {
        *error = "cluster line " + std::to_string(line_no) + ": bits must be 0 or 1";
        return false;
      }
      p.bits = (p.bits << 1) | (c == '1');
    }
    p.length = static_cast<uint8_t>(bits.size());
    auto [it, added] = path_ids.emplace(std::string(bits), static_cast<int>(paths_.size()));
    if (added) {
      if (paths_.size() >= 65535) {
        *error = "too many clusters (at most 65535)";
        return false;
      }
      paths_.push_back(p);
    }
    if (word.empty() || index_.Find(HashBytes(word))) continue;
    Add(word, it->second);
  }
  std::sort(words_.begin(), words_.end());
  return true;
}

std::string WordClusters::Serialize() const {
  // Words grouped by cluster (alphabetical within one): per cluster its path and word count, then
  // all words, '\n'-terminated. No per-word ids, so it compresses well.
  std::vector<std::vector<const std::string*>> members(paths_.size());
  for (const auto& w : words_) members[w.second].push_back(&w.first);
  std::string out;
  AppendU32(&out, static_cast<uint32_t>(paths_.size()));
  for (size_t c = 0; c < paths_.size(); ++c) {
    out.push_back(static_cast<char>(paths_[c].length));
    AppendU32(&out, paths_[c].bits);
    AppendU32(&out, static_cast<uint32_t>(members[c].size()));
  }
  for (const auto& m : members) {
    for (const std::string* w : m) {
      out += *w;
      out.push_back('\n');
    }
  }
  return out;
}

bool WordClusters::Parse(std::string_view in, std::string* error) {
  *this = WordClusters();
  auto fail = [&](const char* why) {
    *error = std::string("section ner.clusters is corrupt: ") + why;
    *this = WordClusters();
    return false;
  };
  size_t pos = 0;
  uint32_t n;
  if (!ReadU32(in, &pos, &n) || n > 65535 || (in.size() - pos) / 9 < n) return fail("bad cluster count");
  paths_.resize(n);
  std::vector<uint32_t> sizes(n);
  uint64_t total = 0;
  for (uint32_t i = 0; i < n; ++i) {
    paths_[i].length = static_cast<uint8_t>(in[pos++]);
    if (paths_[i].length > 32) return fail("path longer than 32 bits");
    ReadU32(in, &pos, &paths_[i].bits);
    ReadU32(in, &pos, &sizes[i]);
    total += sizes[i];
  }
  // Every word takes at least its '\n'.
  if (total > in.size() - pos) return fail("word counts larger than the section");
  std::string_view text = in.substr(pos);
  words_.reserve(total);
  size_t p = 0;
  for (uint32_t c = 0; c < n; ++c) {
    for (uint32_t k = 0; k < sizes[c]; ++k) {
      const size_t eol = text.find('\n', p);
      if (eol == std::string_view::npos) return fail("word list shorter than its counts");
      Add(text.substr(p, eol - p), c);
      p = eol + 1;
    }
  }
  if (p != text.size()) return fail("word list longer than its counts");
  std::sort(words_.begin(), words_.end());
  return true;
}

int WordClusters::Find(std::string_view word) const {
  if (index_.size() == 0) return -1;
  const uint32_t* v = index_.Find(HashBytes(word));
  if (v) return static_cast<int>(*v) - 1;
  char buf[64];
  if (word.empty() || word.size() > sizeof buf) return -1;
  // Capitalized form (BRUSSELS -> Brussels), then lowercase.
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (i > 0 && c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    buf[i] = c;
  }
  v = index_.Find(HashBytes(std::string_view(buf, word.size())));
  if (v) return static_cast<int>(*v) - 1;
  if (buf[0] >= 'A' && buf[0] <= 'Z') buf[0] = buf[0] - 'A' + 'a';
  v = index_.Find(HashBytes(std::string_view(buf, word.size())));
  return v ? static_cast<int>(*v) - 1 : -1;
}

// ---- Gazetteers ------------------------------------------------------------------------------

void Gazetteers::AddList(std::string_view name, std::string_view entries) {
  if (lists_.size() >= 16) return;
  const uint32_t bit = 1u << lists_.size();
  List list;
  list.name = std::string(name);
  size_t pos = 0;
  while (pos < entries.size()) {
    size_t eol = entries.find('\n', pos);
    if (eol == std::string_view::npos) eol = entries.size();
    std::string_view line = entries.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty()) continue;
    uint64_t h = 0;
    int ntok = 0;
    size_t p = 0;
    while (p < line.size()) {
      size_t sp = line.find(' ', p);
      if (sp == std::string_view::npos) sp = line.size();
      if (sp > p) {
        if (ntok > 0) *entries_.Insert(h) |= kPrefixBit;
        h = Mix(h, HashBytes(NormalizeWord(line.substr(p, sp - p))));
        ++ntok;
      }
      p = sp + 1;
    }
    if (ntok == 0) continue;
    max_tokens_ = std::max(max_tokens_, std::min(ntok, 8));
    *entries_.Insert(h) |= bit;
    list.text.append(line.data(), line.size());
    list.text.push_back('\n');
    ++list.size;
  }
  lists_.push_back(std::move(list));
}

std::string Gazetteers::Serialize() const {
  std::string out;
  AppendU32(&out, static_cast<uint32_t>(lists_.size()));
  for (const List& l : lists_) {
    AppendU32(&out, static_cast<uint32_t>(l.name.size()));
    out += l.name;
    AppendU32(&out, static_cast<uint32_t>(l.text.size()));
    out += l.text;
  }
  return out;
}

bool Gazetteers::Parse(std::string_view in, std::string* error) {
  *this = Gazetteers();
  size_t pos = 0;
  uint32_t n;
  if (!ReadU32(in, &pos, &n) || n > 16) {
    *error = "section ner.gazetteers is corrupt: bad list count";
    return false;
  }
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t len;
    if (!ReadU32(in, &pos, &len) || in.size() - pos < len) {
      *error = "section ner.gazetteers is corrupt: list name runs past the end";
      *this = Gazetteers();
      return false;
    }
    std::string_view name = in.substr(pos, len);
    pos += len;
    if (!ReadU32(in, &pos, &len) || in.size() - pos < len) {
      *error = "section ner.gazetteers is corrupt: list runs past the end";
      *this = Gazetteers();
      return false;
    }
    AddList(name, in.substr(pos, len));
    pos += len;
  }
  if (pos != in.size()) {
    *error = "section ner.gazetteers is corrupt: trailing bytes";
    *this = Gazetteers();
    return false;
  }
  return true;
}

void Gazetteers::Match(const std::vector<uint64_t>& norm_hashes, std::vector<uint32_t>* masks) const {
  const size_t n = norm_hashes.size();
  masks->assign(n, 0);
  if (entries_.size() == 0) return;
  size_t covered_until[16] = {0};  // per list: greedy left-to-right, longest match first
  for (size_t i = 0; i < n; ++i) {
    uint64_t h = 0;
    uint32_t longest_len[16] = {0};
    for (size_t len = 1; len <= static_cast<size_t>(max_tokens_) && i + len <= n; ++len) {
      h = Mix(h, norm_hashes[i + len - 1]);
      const uint32_t* v = entries_.Find(h);
      if (!v) break;
      for (uint32_t m = *v & ~kPrefixBit, l = 0; m; m >>= 1, ++l) {
        if (m & 1) longest_len[l] = static_cast<uint32_t>(len);
      }
      if (!(*v & kPrefixBit)) break;
    }
    for (size_t l = 0; l < lists_.size(); ++l) {
      if (!longest_len[l] || i < covered_until[l]) continue;
      covered_until[l] = i + longest_len[l];
      (*masks)[i] |= 1u << (2 * l);
      for (size_t k = 1; k < longest_len[l]; ++k) (*masks)[i + k] |= 1u << (2 * l + 1);
    }
  }
}

// ---- FeatureExtractor ------------------------------------------------------------------------

void FeatureExtractor::Extract(const std::vector<std::string_view>& words, const DocHint* hints,
                               SentenceFeatures* out) const {
  const size_t n = words.size();
  out->ids.clear();
  out->offsets.assign(1, 0);
  if (n == 0) return;
  // Token infos with two pads on each side.
  std::vector<TokenInfo> info(n + 4);
  for (int k : {0, 1}) {
    info[k].word = info[k].norm = info[k].shape = kPadBefore + k;
    info[n + 2 + k].word = info[n + 2 + k].norm = info[n + 2 + k].shape = kPadAfter + k;
    info[k].cluster = info[n + 2 + k].cluster = -2;
  }
  std::vector<uint64_t> norms(n);
  int letter_tokens = 0, caps_tokens = 0, digit_dash_tokens = 0, number_tokens = 0;
  std::vector<uint8_t> is_number(n + 4, 0);
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = info[i + 2];
    FillInfo(words[i], &t);
    norms[i] = t.norm;  // same FNV-1a as HashBytes(NormalizeWord(word))
    if (clusters_) t.cluster = clusters_->Find(words[i]);
    if (t.has_letter) {
      ++letter_tokens;
      if (t.all_caps) ++caps_tokens;
    }
    if (t.has_digit && words[i].find('-') != std::string_view::npos) ++digit_dash_tokens;
    if (t.has_digit && !t.has_letter) {
      ++number_tokens;
      is_number[i + 2] = 1;
    }
  }
  // Results tables and sports scores: how much of the sentence is numbers, and whether it holds a
  // score ("3-1", or two integers in a row).
  const int table = number_tokens == 0 ? 0 : number_tokens * 2 >= static_cast<int>(n) ? 2 : 1;
  bool score = false;
  for (size_t i = 0; i < n && !score; ++i) {
    if (!is_number[i + 2]) continue;
    if (is_number[i + 3]) score = true;
    const std::string_view w = words[i];
    const size_t dash = w.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < w.size() && w.size() <= 5) score = true;
  }
  const bool headline = letter_tokens >= 2 && caps_tokens == letter_tokens;
  const bool dateline = n <= 8 && digit_dash_tokens > 0 && info[2].all_caps;
  std::vector<uint32_t> gaz;
  if (gazetteers_) gazetteers_->Match(norms, &gaz);
  auto gaz_at = [&](long i) -> uint32_t {
    return (i < 0 || i >= static_cast<long>(n) || gaz.empty()) ? 0 : gaz[i];
  };

  const int kClusterLens[4] = {4, 6, 10, 20};
  auto cluster_prefix = [&](int c, int len) -> uint64_t {
    if (c == -2) return 0xFFFFFFFF00ull;
    if (c < 0) return 0xFFFFFFFF01ull;
    const int l = clusters_->length(c);
    const uint32_t bits = clusters_->bits(c);
    if (l <= len) return (uint64_t{bits} << 6) | l;
    return (uint64_t{bits >> (l - len)} << 6) | len;
  };

  std::vector<uint32_t>& ids = out->ids;
  ids.reserve(n * 64);
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo* t = &info[i + 2];
    const TokenInfo& m2 = t[-2];
    const TokenInfo& m1 = t[-1];
    const TokenInfo& p1 = t[1];
    const TokenInfo& p2 = t[2];
    std::string_view w = words[i];
    ids.push_back(Feature(kBias, 0));
    ids.push_back(Feature(kWord, t->word));
    ids.push_back(Feature(kNorm, t->norm));
    ids.push_back(Feature(kNormM1, m1.norm));
    ids.push_back(Feature(kNormP1, p1.norm));
    ids.push_back(Feature(kNormM2, m2.norm));
    ids.push_back(Feature(kNormP2, p2.norm));
    ids.push_back(Feature(kNormM1Norm, m1.norm, t->norm));
    ids.push_back(Feature(kNormNormP1, t->norm, p1.norm));
    // Prefixes on the word as written, suffixes on the normalized word, 1..4 code points.
    {
      size_t cps = 0;
      for (size_t b = 0; b < w.size() && cps < 4;) {
        uint32_t cp;
        b += DecodeUtf8(w, b, &cp);
        ++cps;
        if (b < w.size() || cps > 1) ids.push_back(Feature(kPrefix, cps, HashBytes(w.substr(0, b))));
      }
      size_t e = w.size();
      for (size_t k = 1; k <= 4 && e > 0; ++k) {
        do {
          --e;
        } while (e > 0 && (static_cast<unsigned char>(w[e]) & 0xC0) == 0x80);
        if (e == 0 && k == 1) break;
        uint64_t h = 0xCBF29CE484222325ull;
        for (size_t b = e; b < w.size(); ++b) {
          unsigned char c = w[b];
          if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
          if (c >= '0' && c <= '9') c = '0';
          h = (h ^ c) * 0x100000001B3ull;
        }
        ids.push_back(Feature(kSuffix, k, h));
      }
    }
    ids.push_back(Feature(kShape, t->shape));
    ids.push_back(Feature(kShapeM1, m1.shape));
    ids.push_back(Feature(kShapeP1, p1.shape));
    ids.push_back(Feature(kShapeM2, m2.shape));
    ids.push_back(Feature(kShapeP2, p2.shape));
    ids.push_back(Feature(kShapeM1Shape, m1.shape, t->shape));
    ids.push_back(Feature(kShapeShapeP1, t->shape, p1.shape));
    ids.push_back(Feature(kShapeTri, m1.shape, t->shape, p1.shape));
    ids.push_back(Feature(kShapeNormM1, t->shape, m1.norm));
    ids.push_back(Feature(kShapeNormP1, t->shape, p1.norm));
    if (i == 0) ids.push_back(Feature(kFirst, t->shape));
    if (headline) {
      ids.push_back(Feature(kHeadlineNorm, t->norm));
      ids.push_back(Feature(kHeadlineShape, t->shape, i == 0));
    }
    if (dateline) ids.push_back(Feature(kDateline, std::min<size_t>(i, 3), t->shape));
    if (table) {
      const uint64_t around = is_number[i + 1] | (is_number[i + 3] << 1) | (is_number[i + 4] << 2);
      ids.push_back(Feature(kTableShape, table, t->shape));
      ids.push_back(Feature(kNumberNeighbours, around, t->shape, table));
      ids.push_back(Feature(kNumberNeighboursNorm, around, t->norm));
      if (score) ids.push_back(Feature(kScoreShape, t->shape, i == 0));
    }
    if (clusters_ && !clusters_->empty()) {
      // Is a capitalized word also common in lowercase (The, Rotor) or only capitalized (Oslo)?
      if (t->cap && w.size() <= 64) {
        char buf[64];
        for (size_t b = 0; b < w.size(); ++b) {
          const char c = w[b];
          buf[b] = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
        }
        const bool lower_known = clusters_->Contains(std::string_view(buf, w.size()));
        ids.push_back(Feature(kCaseEvidence, lower_known, i == 0 ? 1 : headline ? 2 : 0));
      }
      if (t->cluster < 0) {
        ids.push_back(Feature(kNoCluster, t->shape));
      } else {
        for (int len : kClusterLens) ids.push_back(Feature(kCluster, cluster_prefix(t->cluster, len)));
        if (table) ids.push_back(Feature(kTableCluster, table, cluster_prefix(t->cluster, 6)));
      }
      for (int len : kClusterLens) {
        ids.push_back(Feature(kClusterM1, cluster_prefix(m1.cluster, len)));
        ids.push_back(Feature(kClusterP1, cluster_prefix(p1.cluster, len)));
      }
      for (int len : {4, 10}) {
        ids.push_back(Feature(kClusterM2, cluster_prefix(m2.cluster, len)));
        ids.push_back(Feature(kClusterP2, cluster_prefix(p2.cluster, len)));
      }
    }
    if (!gaz.empty()) {
      const long li = static_cast<long>(i);
      for (uint32_t m = gaz_at(li), b = 0; m; m >>= 1, ++b) {
        if (!(m & 1)) continue;
        ids.push_back(Feature(kGaz, b));
        ids.push_back(Feature(kGazShape, b, t->cap, t->all_caps));
        if (table) ids.push_back(Feature(kTableGaz, b, table));
      }
      for (uint32_t m = gaz_at(li - 1), b = 0; m; m >>= 1, ++b) {
        if (m & 1) ids.push_back(Feature(kGazM1, b));
      }
      for (uint32_t m = gaz_at(li + 1), b = 0; m; m >>= 1, ++b) {
        if (m & 1) ids.push_back(Feature(kGazP1, b));
      }
    }
    if (hints) AppendDocFeatures(hints, i, n, t->shape, &ids);
    out->offsets.push_back(static_cast<uint32_t>(ids.size()));
  }
}

void ExtractDocFeatures(const std::vector<std::string_view>& words, const DocHint* hints,
                        SentenceFeatures* out) {
  out->ids.clear();
  out->offsets.assign(1, 0);
  for (size_t i = 0; i < words.size(); ++i) {
    TokenInfo t;  // the shape counts only with a majority hint
    if (hints[i].majority) FillInfo(words[i], &t);
    AppendDocFeatures(hints, i, words.size(), t.shape, &out->ids);
    out->offsets.push_back(static_cast<uint32_t>(out->ids.size()));
  }
}

std::vector<std::vector<DocHint>> ComputeDocHints(
    const std::vector<std::vector<std::string_view>>& words,
    const std::vector<std::vector<int>>& tags) {
  // Per capitalized word (case-folded): counts of O and each type, and its first tagged type.
  struct Counts {
    uint32_t n[5] = {0, 0, 0, 0, 0};
    size_t first_pos = SIZE_MAX;
    uint8_t first_code = 0;
  };
  std::unordered_map<uint64_t, Counts> counts;
  std::vector<std::vector<DocHint>> hints(words.size());
  auto key_of = [](std::string_view w, bool* capitalized) {
    TokenInfo t;
    FillInfo(w, &t);
    *capitalized = t.cap;
    return t.norm;
  };
  size_t pos = 0;
  for (size_t s = 0; s < words.size(); ++s) {
    for (size_t i = 0; i < words[s].size(); ++i, ++pos) {
      bool cap;
      const uint64_t key = key_of(words[s][i], &cap);
      if (!cap) continue;
      const int tag = i < tags[s].size() ? tags[s][i] : 0;
      const int slot = tag == 0 ? 4 : TagType(tag);
      Counts& c = counts[key];
      ++c.n[slot];
      if (c.first_pos == SIZE_MAX) {
        c.first_pos = pos;
        c.first_code = static_cast<uint8_t>(slot == 4 ? 5 : slot + 1);
      }
    }
  }
  for (size_t s = 0; s < words.size(); ++s) {
    hints[s].resize(words[s].size());
    for (size_t i = 0; i < words[s].size(); ++i) {
      bool cap;
      const uint64_t key = key_of(words[s][i], &cap);
      if (!cap) continue;
      const int tag = i < tags[s].size() ? tags[s][i] : 0;
      const int own = tag == 0 ? 4 : TagType(tag);
      const Counts& c = counts[key];
      uint32_t others[5];
      uint32_t total = 0;
      for (int k = 0; k < 5; ++k) {
        others[k] = c.n[k] - (k == own ? 1 : 0);
        total += others[k];
      }
      if (total == 0) continue;
      int best = 0;
      for (int k = 1; k < 5; ++k) {
        if (others[k] > others[best]) best = k;
      }
      hints[s][i].majority = static_cast<uint8_t>(best == 4 ? 5 : best + 1);
      hints[s][i].first = c.first_code;
    }
  }
  return hints;
}

}  // namespace byline::ner
