#include "audit/verifier.h"

#include <algorithm>

namespace gongkai::audit {

namespace {

std::string Entry(int64_t seq) {
  return "第 " + std::to_string(seq) + " 条记录（id " + std::to_string(seq) + "）";
}

std::string Short(const Digest& d) { return Hex(d).substr(0, 16); }

// "检查点（第 6 条）", or for a head kept off the server "留存的检查点（第 6 条）".
std::string Named(const Checkpoint& c) {
  return std::string(c.reason == "external" ? "留存的检查点" : "检查点") + "（第 " +
         std::to_string(c.seq) + " 条）";
}

}  // namespace

ChainVerifier::ChainVerifier(std::vector<Checkpoint> checkpoints, int64_t from, Digest prev)
    : checkpoints_(std::move(checkpoints)), from_(from), next_(from), prev_(prev) {
  std::sort(checkpoints_.begin(), checkpoints_.end(),
            [](const Checkpoint& a, const Checkpoint& b) { return a.seq < b.seq; });
  while (next_checkpoint_ < checkpoints_.size() && checkpoints_[next_checkpoint_].seq < from_) {
    ++next_checkpoint_;
  }
}

bool ChainVerifier::Fail(BreakKind kind, int64_t seq, std::string message) {
  break_ = Break{kind, seq, std::move(message)};
  return false;
}

bool ChainVerifier::Add(const ScannedEntry& e) {
  if (break_) return false;
  if (e.id != next_) {
    return Fail(BreakKind::kMissing, next_, "缺少" + Entry(next_) + "：它已被删除");
  }
  if (!e.fields) {
    return Fail(BreakKind::kMissing, next_,
                "缺少" + Entry(next_) + "：日志中已删除，链中仍有它的哈希");
  }
  if (!e.link) {
    return Fail(BreakKind::kUnchained, next_,
                Entry(next_) + "不在链中：它是绕过 gongkai 写入数据库的");
  }
  if (LeafHash(*e.fields) != e.link->leaf) {
    return Fail(BreakKind::kModified, next_, Entry(next_) + "被修改：内容与入链时的哈希不符");
  }
  if (ChainHash(prev_, e.link->leaf) != e.link->chain) {
    return Fail(BreakKind::kRelinked, next_,
                Entry(next_) + "的链哈希不符：此处的链被改写（前面的记录被删除、替换或链被重算）");
  }
  prev_ = e.link->chain;
  ++next_;
  return CheckCheckpoints(e.id, prev_);
}

bool ChainVerifier::CheckCheckpoints(int64_t seq, const Digest& chain) {
  for (; next_checkpoint_ < checkpoints_.size() && checkpoints_[next_checkpoint_].seq == seq;
       ++next_checkpoint_) {
    const Checkpoint& c = checkpoints_[next_checkpoint_];
    if (c.chain != chain) {
      return Fail(BreakKind::kCheckpoint, seq,
                  Named(c) + "不符：检查点记录的链头为 " + Short(c.chain) + "…，现在的链为 " +
                      Short(chain) + "…（检查点之前的记录被改写后重算了链）");
    }
  }
  return true;
}

const std::optional<Break>& ChainVerifier::Finish() {
  if (!break_ && next_checkpoint_ < checkpoints_.size()) {
    const Checkpoint& c = checkpoints_[next_checkpoint_];
    Fail(BreakKind::kCheckpoint, c.seq,
         Named(c) + "不符：链只有 " + std::to_string(last()) + " 条，末尾的记录被删除");
  }
  return break_;
}

}  // namespace gongkai::audit
