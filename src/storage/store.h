#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "account/session.h"
#include "agency/agency.h"
#include "audit/verifier.h"
#include "core/result.h"
#include "storage/application_repository.h"
#include "storage/catalog_repository.h"
#include "storage/letter_repository.h"
#include "storage/review_repository.h"
#include "storage/upload_repository.h"

namespace gongkai::storage {

// Repositories take and return domain types, never rows. Every method runs
// inside the Transaction it came from. Errors: kNotFound for a missing key,
// kAlreadyExists for a taken unique key, kUnavailable when the database is
// busy, kInternal otherwise (message in English for logs).

class AgencyRepository {
 public:
  virtual ~AgencyRepository() = default;
  // kAlreadyExists when the name or credit code is taken.
  virtual Result<agency::AgencyId> Insert(const agency::Agency& agency) = 0;
  virtual Result<agency::Agency> Get(agency::AgencyId id) = 0;
  // Every agency, parents before children, siblings by id.
  virtual Result<std::vector<agency::Agency>> List() = 0;
  virtual Status Update(const agency::Agency& agency) = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // Inserts the user with its grants; kAlreadyExists when the username is taken.
  virtual Result<account::UserId> Insert(const account::User& user) = 0;
  virtual Result<account::User> Get(account::UserId id) = 0;
  virtual Result<account::User> GetByUsername(const std::string& username) = 0;
  virtual Result<std::vector<account::User>> List() = 0;
  // Sets the hash and whether the user must change it at the next sign-in.
  virtual Status UpdatePassword(account::UserId id, const std::string& hash, bool must_change,
                                int64_t at) = 0;
  virtual Status SetGrants(account::UserId id, const std::vector<account::RoleGrant>& grants,
                           int64_t at) = 0;
  virtual Status SetDisabled(account::UserId id, bool disabled, int64_t at) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Insert(const account::Session& session) = 0;
  virtual Result<account::Session> Get(const std::string& token_hash) = 0;
  virtual Status Touch(const std::string& token_hash, int64_t at) = 0;
  virtual Status Delete(const std::string& token_hash) = 0;
  virtual Status DeleteForUser(account::UserId id) = 0;
  // Every session of the user but the one with `keep_token_hash` (a password change).
  virtual Status DeleteForUserExcept(account::UserId id, const std::string& keep_token_hash) = 0;
  virtual Status DeleteExpired(int64_t now) = 0;
};

// Failed sign-ins, keyed by "user:<name>" or "ip:<addr>", for throttling.
class LoginThrottleRepository {
 public:
  virtual ~LoginThrottleRepository() = default;
  virtual Status RecordFailure(const std::string& key, int64_t at) = 0;
  virtual Result<int> CountFailuresSince(const std::string& key, int64_t since) = 0;
  virtual Status Clear(const std::string& key) = 0;
};

// A filtered page of the audit log. Empty strings and zero times mean "any".
struct AuditQuery {
  // Only events concerning one of these agencies; nullopt = every event (system administrators).
  std::optional<std::vector<agency::AgencyId>> agencies;
  std::string actor;   // exact username (or "cli" / "anonymous")
  std::string action;  // exact action code
  int64_t from = 0;    // at >= from (unix seconds)
  int64_t until = 0;   // at < until
  int limit = 50;
  int offset = 0;
};

struct AuditPage {
  std::vector<account::AuditEvent> events;  // newest first, with their agency_ids
  int64_t total = 0;                        // matching events, all pages
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // Appends the event and the agencies it concerns (derived from the target when empty).
  virtual Result<int64_t> Append(const account::AuditEvent& event) = 0;
  // Newest first; at most `limit` events with id < before_id (0 = from newest).
  virtual Result<std::vector<account::AuditEvent>> List(int limit, int64_t before_id) = 0;
  virtual Result<AuditPage> Query(const AuditQuery& query) = 0;

  // The hash chain over the log (audit/chain.h, docs/audit-chain.md). Append chains every event
  // it writes and checkpoints the head every 1000 entries and on the first entry of a new day.
  //
  // Every id from `from` on, in id order, with the log's row and the chain's row side by side
  // (either missing after tampering); the views in the entry live until `visit` returns, which
  // returns false to stop.
  virtual Status ScanChain(int64_t from,
                           const std::function<bool(const audit::ScannedEntry&)>& visit) = 0;
  // The chain hash after entry `id`; kNotFound when that entry is not chained.
  virtual Result<audit::Digest> ChainHashAt(int64_t id) = 0;
  // Every checkpoint, by seq.
  virtual Result<std::vector<audit::Checkpoint>> Checkpoints() = 0;
  // Records the head as a checkpoint with `reason` (an existing one when the head already is);
  // kFailedPrecondition when the chain is empty.
  virtual Result<audit::Checkpoint> CheckpointHead(int64_t at, std::string_view reason) = 0;
};

// Counters the server uses to know when cached public pages are stale.
class SiteStateRepository {
 public:
  virtual ~SiteStateRepository() = default;
  // Bumped in the same transaction as every change to public content.
  virtual Status BumpPublicGeneration() = 0;
  virtual Result<int64_t> PublicGeneration() = 0;
};

// An imported holiday notice of one year (节假日安排通知, migrations/sqlite/004).
struct HolidayNotice {
  int year = 0;
  std::string tsv;          // the days, in the holiday-file format
  std::string source_text;  // the pasted notice, when imported from text
  int64_t imported_at = 0;
  std::string imported_by;
};

class HolidayNoticeRepository {
 public:
  virtual ~HolidayNoticeRepository() = default;
  // Inserts or replaces the notice of its year.
  virtual Status Put(const HolidayNotice& notice) = 0;
  // Every notice, by year.
  virtual Result<std::vector<HolidayNotice>> List() = 0;
};

enum class TxMode { kRead, kWrite };

// A unit of work. The destructor rolls back unless Commit() succeeded.
// Not thread-safe: one thread uses a transaction at a time.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual AgencyRepository& agencies() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual LoginThrottleRepository& login_throttle() = 0;
  virtual AuditRepository& audit() = 0;
  virtual SiteStateRepository& site() = 0;
  virtual ApplicationRepository& applications() = 0;
  virtual ApplicationMetaRepository& application_meta() = 0;
  virtual HolidayNoticeRepository& holiday_notices() = 0;
  virtual LetterRepository& letters() = 0;
  virtual AttachmentRepository& attachments() = 0;
  virtual SealRepository& seals() = 0;
  virtual CatalogRepository& catalog() = 0;
  virtual ReviewRepository& reviews() = 0;
  // kUnavailable when the database is busy; the work is then rolled back.
  virtual Status Commit() = 0;
};

struct MigrationInfo {
  int version = 0;
  std::string name;
};

// A database. Thread-safe: each thread begins its own transactions.
class Store {
 public:
  virtual ~Store() = default;
  // Write transactions are serialised (BEGIN IMMEDIATE on SQLite).
  virtual Result<std::unique_ptr<Transaction>> Begin(TxMode mode) = 0;
  // Applies the migrations not yet applied, each in its own transaction, and
  // returns those it applied. kFailedPrecondition when the database was
  // written by a newer gongkai (an unknown version).
  virtual Result<std::vector<MigrationInfo>> Migrate() = 0;
  // The highest applied migration (0 for an empty database).
  virtual Result<int> SchemaVersion() = 0;
  // The latest version this build knows.
  virtual int LatestSchemaVersion() const = 0;
  // A consistent copy of the live database at `path` (safe while serving).
  virtual Status Backup(const std::string& path) = 0;
  // "sqlite" or "postgresql".
  virtual std::string Dialect() const = 0;
};

// Opens a store from a URL: "sqlite:PATH", "sqlite::memory:", or a bare path
// (SQLite). The SQLite file's folder is created when missing. kInvalidArgument
// for an unknown scheme.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace gongkai::storage
