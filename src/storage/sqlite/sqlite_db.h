#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/result.h"

namespace gongkai::storage::sqlite {

// Maps an SQLite result code to a Status: constraint violations of unique
// keys → kAlreadyExists, foreign keys → kFailedPrecondition, BUSY/LOCKED →
// kUnavailable, anything else → kInternal.
Status StatusFromSqlite(sqlite3* db, int rc, std::string_view what);

class Stmt;

// The row type of a row reader: T for a reader returning T or Result<T>.
template <typename R>
struct RowOf {
  using type = R;
};
template <typename T>
struct RowOf<Result<T>> {
  using type = T;
};
template <typename ReadFn>
using RowType = typename RowOf<std::invoke_result_t<ReadFn&, const Stmt&>>::type;

// A prepared statement borrowed from a Connection's cache; reset and its
// bindings cleared when it goes out of scope. Bind indexes start at 1.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, std::string_view value);
  Stmt& BindNull(int index);
  // Binds bytes as a BLOB (NUL bytes and all).
  Stmt& BindBlob(int index, std::string_view bytes);
  Stmt& Bind(int index, const std::optional<int64_t>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  // Empty text binds NULL (optional unique columns such as credit_code).
  Stmt& BindTextOrNull(int index, std::string_view value) {
    return value.empty() ? BindNull(index) : Bind(index, value);
  }

  // true: a row is ready; false: done. Errors map through StatusFromSqlite.
  Result<bool> Step();
  // Steps to completion, expecting no rows.
  Status Run();
  // Steps through every remaining row and returns read(*this) of each, in order. `read`
  // returns a T or a Result<T>; the first error (of a step or of `read`) is returned.
  template <typename ReadFn>
  Result<std::vector<RowType<ReadFn>>> ReadAll(ReadFn read);

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::optional<int64_t> OptionalInt(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<int64_t>(Int(col));
  }
  std::string Text(int col) const;
  std::string Blob(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  Status bind_error_;
};

template <typename ReadFn>
Result<std::vector<RowType<ReadFn>>> Stmt::ReadAll(ReadFn read) {
  std::vector<RowType<ReadFn>> out;
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return out;
    Result<RowType<ReadFn>> value = read(std::as_const(*this));
    if (!value.ok()) return value.status();
    out.push_back(std::move(value).value());
  }
}

// One open database file with its prepared-statement cache. Not thread-safe:
// the store hands a connection to one transaction at a time.
class Connection {
 public:
  // Opens (creating when allowed) and applies the pragmas: WAL journal,
  // synchronous=FULL, foreign_keys=ON, busy_timeout. `path` ":memory:" opens
  // a private in-memory database.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path);
  ~Connection();

  // Returns the cached statement for this exact SQL text, preparing it once.
  Result<Stmt> Prepare(std::string_view sql);
  // Runs one or more statements with no parameters and no result rows.
  Status Exec(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace gongkai::storage::sqlite
