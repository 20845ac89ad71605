#include "core/model.h"

#include <array>
#include <cstring>

namespace byline {
namespace {

std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  return t;
}

constexpr size_t kHeaderSize = 20;

}  // namespace

uint32_t Crc32(std::string_view bytes) {
  static const std::array<uint32_t, 256> table = MakeCrcTable();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void AppendU32(std::string* out, uint32_t v) {
  for (int k = 0; k < 4; ++k) out->push_back(static_cast<char>((v >> (8 * k)) & 0xFF));
}

bool ReadU32(std::string_view in, size_t* pos, uint32_t* v) {
  if (*pos > in.size() || in.size() - *pos < 4) return false;
  uint32_t r = 0;
  for (int k = 0; k < 4; ++k) r |= uint32_t{static_cast<unsigned char>(in[*pos + k])} << (8 * k);
  *pos += 4;
  *v = r;
  return true;
}

bool ModelFile::Parse(std::string_view bytes, ModelFile* out, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = "model file rejected: " + why;
    return false;
  };
  if (bytes.empty()) return fail("the file is empty");
  if (bytes.size() < kHeaderSize) return fail("the file is truncated (shorter than its header)");
  if (std::memcmp(bytes.data(), kModelMagic, sizeof kModelMagic) != 0) {
    return fail("this is not a Byline model (wrong magic number)");
  }
  size_t pos = 8;
  uint32_t version = 0, crc = 0, count = 0;
  ReadU32(bytes, &pos, &version);
  ReadU32(bytes, &pos, &crc);
  ReadU32(bytes, &pos, &count);
  if (version == 0) return fail("format version 0 is not valid");
  if (version > kModelFormatVersion) {
    return fail("format version " + std::to_string(version) + " is newer than this Byline reads (" +
                std::to_string(kModelFormatVersion) + "); update Byline");
  }
  if (Crc32(bytes.substr(16)) != crc) {
    return fail("checksum mismatch: the file is corrupt or truncated");
  }
  ModelFile m;
  m.version_ = version;
  for (uint32_t s = 0; s < count; ++s) {
    uint32_t name_len = 0, len = 0;
    if (!ReadU32(bytes, &pos, &name_len) || bytes.size() - pos < name_len) {
      return fail("section " + std::to_string(s) + " runs past the end of the file");
    }
    std::string_view name = bytes.substr(pos, name_len);
    pos += name_len;
    if (!ReadU32(bytes, &pos, &len) || bytes.size() - pos < len) {
      return fail("section '" + std::string(name) + "' runs past the end of the file");
    }
    if (m.Has(name)) return fail("section '" + std::string(name) + "' appears twice");
    m.sections_.emplace_back(name, bytes.substr(pos, len));
    pos += len;
  }
  if (pos != bytes.size()) return fail("unexpected bytes after the last section");
  *out = std::move(m);
  return true;
}

bool ModelFile::Has(std::string_view name) const {
  for (const auto& s : sections_) {
    if (s.first == name) return true;
  }
  return false;
}

std::string_view ModelFile::Section(std::string_view name) const {
  for (const auto& s : sections_) {
    if (s.first == name) return s.second;
  }
  return {};
}

void ModelWriter::Add(std::string_view name, std::string_view payload) {
  sections_.emplace_back(std::string(name), std::string(payload));
}

std::string ModelWriter::Finish() const {
  std::string body;
  for (const auto& [name, payload] : sections_) {
    AppendU32(&body, static_cast<uint32_t>(name.size()));
    body += name;
    AppendU32(&body, static_cast<uint32_t>(payload.size()));
    body += payload;
  }
  std::string counted;
  AppendU32(&counted, static_cast<uint32_t>(sections_.size()));
  counted += body;
  std::string out(kModelMagic, sizeof kModelMagic);
  AppendU32(&out, kModelFormatVersion);
  AppendU32(&out, Crc32(counted));
  out += counted;
  return out;
}

}  // namespace byline
