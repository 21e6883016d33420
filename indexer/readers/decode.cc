#include "readers/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cctype>
#include <cstdint>
#include <memory>
#include <string>

namespace newsarc::indexer {
namespace {

// Length of the valid UTF-8 sequence at `s[i]`, or 0 if it is invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  uint8_t c = b(i);
  if (c < 0x80) return 1;
  size_t len;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return len;
}

// Minimum confidence (0-100) for trusting ICU's guess. Below it, short or
// mostly-ASCII text is often "detected" as an unrelated charset.
constexpr int32_t kMinConfidence = 50;

}  // namespace

bool IsUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size();) {
    size_t len = Utf8SequenceLength(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

Bom DetectBom(std::string_view b) {
  auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) return {"UTF-8", 3};
  if (starts("\xFF\xFE\x00\x00"sv)) return {"UTF-32LE", 4};
  if (starts("\x00\x00\xFE\xFF"sv)) return {"UTF-32BE", 4};
  if (starts("\xFF\xFE"sv)) return {"UTF-16LE", 2};
  if (starts("\xFE\xFF"sv)) return {"UTF-16BE", 2};
  return {};
}

std::string_view SniffUtf16(std::string_view head) {
  if (head.size() < 4) return "";
  size_t pairs = head.size() / 2, nul_even = 0, nul_odd = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    nul_even += head[i] == '\0';
    nul_odd += head[i + 1] == '\0';
  }
  if (nul_odd * 2 > pairs && nul_even == 0) return "UTF-16LE";
  if (nul_even * 2 > pairs && nul_odd == 0) return "UTF-16BE";
  return "";
}

bool LooksBinary(std::string_view head) {
  if (head.empty() || DetectBom(head).length > 0 || !SniffUtf16(head).empty()) return false;
  size_t controls = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    const bool text_control = c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                              c == '\v' || c == 0x1B;
    controls += c < 0x20 && !text_control;
  }
  return controls * 20 > head.size();
}

std::string DetectCharset(std::string_view bytes) {
  std::string result = "windows-1252";
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return result;
  // ICU reads at most a few KB anyway; bound the work for huge records.
  int32_t len = static_cast<int32_t>(std::min<size_t>(bytes.size(), 64 * 1024));
  ucsdet_setText(det, bytes.data(), len, &err);
  const UCharsetMatch* match =
      U_SUCCESS(err) ? ucsdet_detect(det, &err) : nullptr;
  if (U_SUCCESS(err) && match != nullptr) {
    int32_t confidence = ucsdet_getConfidence(match, &err);
    const char* name = ucsdet_getName(match, &err);
    if (U_SUCCESS(err) && name != nullptr && confidence >= kMinConfidence) {
      std::string n = name;
      // UTF-8 cannot be right (the caller checked); ISO-8859-1 is read as
      // its superset.
      if (n != "UTF-8" && n != "ISO-8859-1") result = n;
    }
  }
  ucsdet_close(det);
  return result;
}

std::string ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset.c_str(), &err);
  if (U_FAILURE(err)) {
    err = U_ZERO_ERROR;
    from = ucnv_open("windows-1252", &err);
    if (U_FAILURE(err)) return SanitizeUtf8(bytes);
  }
  UConverter* to = ucnv_open("UTF-8", &err);
  if (U_FAILURE(err)) {
    ucnv_close(from);
    return SanitizeUtf8(bytes);
  }
  // Worst case: every input byte becomes a 3-byte U+FFFD or a 3-byte BMP
  // character; UTF-16 input only shrinks relative to that.
  std::string out(bytes.size() * 3 + 4, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr,
                 nullptr, true, true, &err);
  ucnv_close(from);
  ucnv_close(to);
  if (U_FAILURE(err)) return SanitizeUtf8(bytes);
  out.resize(target - out.data());
  // Converters may pass through control characters; sanitise the result too.
  return SanitizeUtf8(out);
}

namespace {

// DecodeAsDeclared once the charset is known (`declared`: lower case).
std::string DecodeAs(std::string_view bytes, std::string declared) {
  if (declared.empty() || declared == "utf-8" || declared == "utf8") return DecodeToUtf8(bytes);
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii" ||
      declared == "ascii") {
    declared = "windows-1252";
  }
  return SanitizeUtf8(ConvertToUtf8(bytes, declared));
}

bool DecidedByBytes(std::string_view bytes) {
  return DetectBom(bytes).length > 0 || !SniffUtf16(bytes.substr(0, 4096)).empty() ||
         IsUtf8(bytes);
}

}  // namespace

std::string DecodeAsDeclared(std::string_view bytes,
                             std::string (*declared_in)(std::string_view head)) {
  if (DecidedByBytes(bytes)) return DecodeToUtf8(bytes);
  return DecodeAs(bytes, declared_in(bytes.substr(0, 4096)));
}

std::string DecodeWithCharset(std::string_view bytes, std::string_view charset) {
  if (DecidedByBytes(bytes)) return DecodeToUtf8(bytes);
  std::string declared;
  for (char c : charset)
    declared += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return DecodeAs(bytes, std::move(declared));
}

std::string DecodeToUtf8(std::string_view bytes) {
  Bom bom = DetectBom(bytes);
  if (bom.length > 0) {
    std::string_view rest = bytes.substr(bom.length);
    if (bom.charset == "UTF-8") return SanitizeUtf8(rest);
    return ConvertToUtf8(rest, std::string(bom.charset));
  }
  if (std::string_view utf16 = SniffUtf16(bytes.substr(0, 4096)); !utf16.empty())
    return ConvertToUtf8(bytes, std::string(utf16));
  if (IsUtf8(bytes)) return SanitizeUtf8(bytes);
  return ConvertToUtf8(bytes, DetectCharset(bytes));
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t len = Utf8SequenceLength(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (len == 1) {
      char c = text[i];
      if (c == '\r') {
        out += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      } else if (c == '\t' || c == '\n' ||
                 static_cast<unsigned char>(c) >= 0x20) {
        if (c != 0x7F) out += c;
      }
      ++i;
      continue;
    }
    // C1 controls: U+0080..U+009F, "\xC2\x80".."\xC2\x9F".
    const bool c1 = len == 2 && static_cast<unsigned char>(text[i]) == 0xC2 &&
                    static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (!c1) out.append(text, i, len);
    i += len;
  }
  return out;
}

std::string RecordDecoder::Decode(std::string_view bytes) {
  if (IsUtf8(bytes)) return SanitizeUtf8(bytes);
  if (charset_.empty()) charset_ = DetectCharset(bytes);
  return ConvertToUtf8(bytes, charset_);
}

void RecordDecoder::Prime(std::string_view record) {
  if (charset_.empty() && !IsUtf8(record)) charset_ = DetectCharset(record);
}

std::unique_ptr<ByteSource> NewTextStream(std::unique_ptr<ByteSource> in) {
  Status error;
  std::string head = ReadUpTo(*in, 4096, &error);
  Bom bom = DetectBom(head);
  std::string charset(bom.charset);
  if (bom.length == 0) charset = SniffUtf16(head);
  head.erase(0, bom.length);
  auto stream =
      NewPrefixedSource(std::move(head), std::move(error), std::move(in));
  if (charset.empty() || charset == "UTF-8") return stream;
  return NewUtf8ConvertingSource(std::move(stream), charset);
}

}  // namespace newsarc::indexer
