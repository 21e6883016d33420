#include "flags.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <sstream>

#include "newsarc/index_writer.h"

namespace newsarc::indexer {

Result<ParsedIndexFlags> ParseIndexFlags(int argc, char** argv) {
  ParsedIndexFlags out;
  IndexFlags& f = out.flags;
  std::string db;
  CLI::App app{
      "Index a folder of news articles (archive text, .txt, .json, .jsonl, .csv, and .gz of "
      "them) into a newsarc index. Re-runs read only new and changed files and drop "
      "articles whose files are gone.",
      "newsarc-index"};
  app.add_option("--db", db,
                 "index directory (default: $NEWSARC_DB, else "
                 "${XDG_DATA_HOME:-~/.local/share}/newsarc/index)");
  app.add_option("-j,--jobs", f.jobs, "reader threads (default: one per core)");
  app.add_flag("--extract-only", f.extract_only,
               "print what would be extracted per article as JSON lines; no index is touched");
  app.add_flag("--json", f.json, "JSON lines output (the --extract-only format)");
  app.add_flag("-q,--quiet", f.quiet, "no progress bar and no summary");
  app.add_flag("--strict", f.strict, "stop at the first file or record that cannot be read");
  app.add_flag("--follow-symlinks", f.follow_symlinks,
               "follow symbolic links inside the folders, even to places outside them "
               "(default: links inside the folders are skipped)");
  app.add_flag("--wait", f.wait,
               "if another newsarc-index is writing to the index, wait for it to finish "
               "instead of failing");
  // Hidden (empty group): commits more often, so that tests of killed runs
  // see several commits on small data.
  app.add_option("--commit-every", f.commit_every, "commit after this many articles")
      ->group("");
  app.add_option("PATH", f.inputs, "files and folders to index (folders are walked recursively)")
      ->required();
  app.set_version_flag("--version", "newsarc-index 0.1.0");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out.exit_now = true;
    out.text = app.help();
    return out;
  } catch (const CLI::CallForVersion& e) {
    out.exit_now = true;
    out.text = e.what() + std::string("\n");
    return out;
  } catch (const CLI::ParseError& e) {
    return Status::InvalidArgument(std::string(e.what()) + " (run with --help for usage)");
  }
  if (f.json && !f.extract_only)
    return Status::InvalidArgument("--json goes with --extract-only");
  f.db = db.empty() ? DefaultIndexPath() : std::filesystem::path(db);
  f.progress = !f.quiet && !f.extract_only && isatty(STDERR_FILENO);
  return out;
}

}  // namespace newsarc::indexer
