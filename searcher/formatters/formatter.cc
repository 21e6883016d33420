#include "formatters/formatter.h"

#include "formatters/json_formatter.h"
#include "formatters/paths_formatter.h"
#include "formatters/text_formatter.h"

namespace newsarc::cli {

std::unique_ptr<Formatter> MakeFormatter(OutputFormat format,
                                         const FormatOptions& options) {
  switch (format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonFormatter>(options);
    case OutputFormat::kPaths:
      return std::make_unique<PathsFormatter>();
    case OutputFormat::kText:
      break;
  }
  return std::make_unique<TextFormatter>(options);
}

}  // namespace newsarc::cli
