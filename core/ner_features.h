// Features of the entity tagger: tags, word shapes, word clusters, gazetteers and the hashed
// feature templates that turn one sentence into per-token feature ids.
//
// Usage:
//   byline::ner::WordClusters clusters;          // from a model section or from cluster text
//   byline::ner::Gazetteers gazetteers;
//   byline::ner::FeatureExtractor fx(&clusters, &gazetteers);
//   byline::ner::SentenceFeatures f;
//   fx.Extract(words, /*doc_labels=*/nullptr, &f);  // f.Of(i) = feature ids of token i
//
// Feature ids are 32-bit hashes of (template, values); the weight table maps them to rows. Every
// string hash is computed once per token, so extraction allocates nothing per feature.
// Tags are IOB2 over PER ORG LOC MISC: O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC, B-MISC, I-MISC.
// Thread-safety: WordClusters and Gazetteers are immutable after construction; a FeatureExtractor
// only reads them, so one may be shared by threads that each own their SentenceFeatures.
#ifndef BYLINE_CORE_NER_FEATURES_H_
#define BYLINE_CORE_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace byline::ner {

inline constexpr int kNumTags = 9;
inline constexpr int kNumTypes = 4;  // PER ORG LOC MISC
const char* TagName(int tag);        // "O", "B-PER", ...
int TagFromName(std::string_view name);  // -1 when not a known IOB2 tag
inline int TagType(int tag) { return tag == 0 ? -1 : (tag - 1) / 2; }  // 0..3, -1 for O
inline bool IsBegin(int tag) { return tag != 0 && (tag - 1) % 2 == 0; }
inline bool IsInside(int tag) { return tag != 0 && (tag - 1) % 2 == 1; }
// IOB2: I-X only after B-X or I-X. prev is -1 at the start of a sentence.
inline bool TransitionAllowed(int prev, int cur) {
  if (!IsInside(cur)) return true;
  return prev >= 0 && prev != 0 && TagType(prev) == TagType(cur);
}

uint64_t HashBytes(std::string_view s, uint64_t seed = 0);
// ASCII-lowercased copy with every digit replaced by '0'.
std::string NormalizeWord(std::string_view w);
// Collapsed shape: X x d for letters and digits (runs collapsed), other bytes kept: "Xx", "X.X.",
// "d-d", "XxXx" for McDonald. Non-ASCII letters count as x or X when recognizable as Latin.
std::string WordShape(std::string_view w);

// Open-addressing map from 64-bit hashes to 32-bit values: built once, then only read.
class HashIndex {
 public:
  uint32_t* Insert(uint64_t key);  // the value slot of key (0 when new)
  const uint32_t* Find(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t s = Mix(key) & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (!slot.used) return nullptr;
      if (slot.key == key) return &slot.value;
    }
  }
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    uint32_t used = 0;
  };
  static size_t Mix(uint64_t k) { return static_cast<size_t>((k ^ (k >> 29)) * 0xBF58476D1CE4E5B9ull >> 20); }
  std::vector<Slot> slots_;
  size_t mask_ = 0, size_ = 0;
};

// Word -> bit-string path of a hierarchical clustering (Brown clusters or equivalent).
class WordClusters {
 public:
  // Text form, one word a line: "BITS<TAB>WORD[<TAB>COUNT]" (BITS a string of 0/1, ≤ 32 long).
  bool ParseText(std::string_view text, std::string* error);
  // Model-section form (see Serialize). Bounds-checked; false with *error when corrupt.
  bool Parse(std::string_view payload, std::string* error);
  std::string Serialize() const;

  // Cluster of a word: exact, else capitalized-first-letter form, else lowercased; -1 if unknown.
  int Find(std::string_view word) const;
  // Whether the word, exactly as given, is in the vocabulary.
  bool Contains(std::string_view word) const {
    return index_.size() && index_.Find(HashBytes(word)) != nullptr;
  }
  uint32_t bits(int cluster) const { return paths_[cluster].bits; }
  int length(int cluster) const { return paths_[cluster].length; }
  size_t num_words() const { return words_.size(); }
  size_t num_clusters() const { return paths_.size(); }
  bool empty() const { return words_.empty(); }

 private:
  struct Path {
    uint32_t bits = 0;  // first bit is the most significant of `length` bits
    uint8_t length = 0;
  };
  void Add(std::string_view word, int cluster);
  std::vector<Path> paths_;
  std::vector<std::pair<std::string, uint16_t>> words_;  // sorted by word
  HashIndex index_;                                       // HashBytes(word) -> cluster
};

// Named lists of (possibly multi-word) entries, matched case-insensitively on token sequences.
class Gazetteers {
 public:
  // Adds a list; entries one a line, tokens separated by spaces (as the tagger tokenizes).
  void AddList(std::string_view name, std::string_view entries);
  bool Parse(std::string_view payload, std::string* error);
  std::string Serialize() const;

  size_t num_lists() const { return lists_.size(); }
  const std::string& list_name(size_t i) const { return lists_[i].name; }
  size_t list_size(size_t i) const { return lists_[i].size; }

  // For each token, a bitmask per list position: bit 2*l set when a match of list l begins at
  // the token, bit 2*l+1 when the token continues one. Per list, matches are taken left to right, longest first,
  // and do not overlap. At most 16
  // lists. norm_hashes are HashBytes(NormalizeWord(word)) of the sentence's tokens.
  void Match(const std::vector<uint64_t>& norm_hashes, std::vector<uint32_t>* masks) const;

 private:
  struct List {
    std::string name;
    std::string text;  // entries, '\n'-separated
    size_t size = 0;
  };
  std::vector<List> lists_;
  // Hash of a normalized token sequence -> bitmask of the lists holding it as an entry, plus
  // kPrefixBit when it is a proper prefix of a longer entry.
  static constexpr uint32_t kPrefixBit = 1u << 31;
  HashIndex entries_;
  int max_tokens_ = 1;
};

// Per-token document-level hints from a first tagging pass: the majority type given to the same
// word elsewhere in the document (0 none, 1 + type, 5 when mostly O) and the type of its first
// tagged occurrence (same coding).
struct DocHint {
  uint8_t majority = 0;
  uint8_t first = 0;
};

struct SentenceFeatures {
  std::vector<uint32_t> ids;      // all tokens' feature ids, concatenated
  std::vector<uint32_t> offsets;  // token i's ids are ids[offsets[i] .. offsets[i+1])
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  const uint32_t* begin(size_t i) const { return ids.data() + offsets[i]; }
  const uint32_t* end(size_t i) const { return ids.data() + offsets[i + 1]; }
};

class FeatureExtractor {
 public:
  // Either pointer may be null (those features are then absent). They must outlive this.
  FeatureExtractor(const WordClusters* clusters, const Gazetteers* gazetteers)
      : clusters_(clusters), gazetteers_(gazetteers) {}
  // hints: one per token, or null for a first pass.
  void Extract(const std::vector<std::string_view>& words, const DocHint* hints,
               SentenceFeatures* out) const;

 private:
  const WordClusters* clusters_;
  const Gazetteers* gazetteers_;
};

// Only the document-level features of a sentence (what Extract adds when given hints), so that a
// second pass can add them to the first pass's scores.
void ExtractDocFeatures(const std::vector<std::string_view>& words, const DocHint* hints,
                        SentenceFeatures* out);

// Computes DocHint for every token of a document from first-pass tags (same shape as words).
std::vector<std::vector<DocHint>> ComputeDocHints(
    const std::vector<std::vector<std::string_view>>& words,
    const std::vector<std::vector<int>>& tags);

}  // namespace byline::ner

#endif  // BYLINE_CORE_NER_FEATURES_H_
