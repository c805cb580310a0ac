#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "core/status.h"

namespace gongkai {

// A value or the Status that explains why there is none (absl's StatusOr).
// Constructing from an ok Status is a bug (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok());
    if (status_.ok()) status_ = Internal("Result constructed from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T& value() & {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace gongkai

// Evaluates `rexpr` (a Result); on error returns its Status, else moves the
// value into `lhs` (which may be a declaration: `auto x`).
#define GONGKAI_ASSIGN_OR_RETURN(lhs, rexpr) \
  GONGKAI_ASSIGN_OR_RETURN_IMPL_(GONGKAI_CONCAT_(r_, __LINE__), lhs, rexpr)
#define GONGKAI_CONCAT_INNER_(a, b) a##b
#define GONGKAI_CONCAT_(a, b) GONGKAI_CONCAT_INNER_(a, b)
#define GONGKAI_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                   \
  if (!tmp.ok()) return tmp.status();                   \
  lhs = std::move(tmp).value()
