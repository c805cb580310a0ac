#pragma once
// SQLite implementations of the repositories in storage/store.h. Each holds
// the transaction's connection; all SQL of the project lives in this folder.

#include "storage/sqlite/sqlite_db.h"
#include "storage/store.h"

namespace gongkai::storage::sqlite {

class SqliteAgencyRepository final : public AgencyRepository {
 public:
  explicit SqliteAgencyRepository(Connection* conn) : conn_(conn) {}
  Result<agency::AgencyId> Insert(const agency::Agency& agency) override;
  Result<agency::Agency> Get(agency::AgencyId id) override;
  Result<std::vector<agency::Agency>> List() override;
  Status Update(const agency::Agency& agency) override;

 private:
  Connection* conn_;
};

class SqliteUserRepository final : public UserRepository {
 public:
  explicit SqliteUserRepository(Connection* conn) : conn_(conn) {}
  Result<account::UserId> Insert(const account::User& user) override;
  Result<account::User> Get(account::UserId id) override;
  Result<account::User> GetByUsername(const std::string& username) override;
  Result<std::vector<account::User>> List() override;
  Status UpdatePassword(account::UserId id, const std::string& hash, bool must_change,
                        int64_t at) override;
  Status SetGrants(account::UserId id, const std::vector<account::RoleGrant>& grants,
                   int64_t at) override;
  Status SetDisabled(account::UserId id, bool disabled, int64_t at) override;

 private:
  Result<std::vector<account::RoleGrant>> LoadGrants(account::UserId id);
  Status InsertGrants(account::UserId id, const std::vector<account::RoleGrant>& grants);
  Connection* conn_;
};

class SqliteSessionRepository final : public SessionRepository {
 public:
  explicit SqliteSessionRepository(Connection* conn) : conn_(conn) {}
  Status Insert(const account::Session& session) override;
  Result<account::Session> Get(const std::string& token_hash) override;
  Status Touch(const std::string& token_hash, int64_t at) override;
  Status Delete(const std::string& token_hash) override;
  Status DeleteForUser(account::UserId id) override;
  Status DeleteForUserExcept(account::UserId id, const std::string& keep_token_hash) override;
  Status DeleteExpired(int64_t now) override;

 private:
  Connection* conn_;
};

class SqliteLoginThrottleRepository final : public LoginThrottleRepository {
 public:
  explicit SqliteLoginThrottleRepository(Connection* conn) : conn_(conn) {}
  Status RecordFailure(const std::string& key, int64_t at) override;
  Result<int> CountFailuresSince(const std::string& key, int64_t since) override;
  Status Clear(const std::string& key) override;

 private:
  Connection* conn_;
};

class SqliteAuditRepository final : public AuditRepository {
 public:
  explicit SqliteAuditRepository(Connection* conn) : conn_(conn) {}
  Result<int64_t> Append(const account::AuditEvent& event) override;
  Result<std::vector<account::AuditEvent>> List(int limit, int64_t before_id) override;
  Result<AuditPage> Query(const AuditQuery& query) override;
  Status ScanChain(int64_t from,
                   const std::function<bool(const audit::ScannedEntry&)>& visit) override;
  Result<audit::Digest> ChainHashAt(int64_t id) override;
  Result<std::vector<audit::Checkpoint>> Checkpoints() override;
  Result<audit::Checkpoint> CheckpointHead(int64_t at, std::string_view reason) override;

 private:
  Result<std::vector<int64_t>> AgenciesOf(int64_t audit_id);
  Connection* conn_;
};

// Reads columns 0–8 (id, at, actor_user_id, actor, action, target, detail, remote_addr, outcome)
// of an audit_log row into `e` (sqlite_audit_repository.cc).
void ReadAuditRow(const Stmt& row, account::AuditEvent& e);
// Chains the entry just inserted as `id` onto the head (sqlite_audit_chain.cc).
Status ChainAppendedAudit(Connection* conn, const account::AuditEvent& e, int64_t id);
// After a migration, in its transaction: chains the entries written before migration 009 when its
// marker is present, checkpoints the head and removes the marker.
Status BackfillAuditChain(Connection* conn);

class SqliteSiteStateRepository final : public SiteStateRepository {
 public:
  explicit SqliteSiteStateRepository(Connection* conn) : conn_(conn) {}
  Status BumpPublicGeneration() override;
  Result<int64_t> PublicGeneration() override;

 private:
  Connection* conn_;
};

class SqliteHolidayNoticeRepository final : public HolidayNoticeRepository {
 public:
  explicit SqliteHolidayNoticeRepository(Connection* conn) : conn_(conn) {}
  Status Put(const HolidayNotice& notice) override;
  Result<std::vector<HolidayNotice>> List() override;

 private:
  Connection* conn_;
};

class SqliteApplicationRepository final : public ApplicationRepository {
 public:
  explicit SqliteApplicationRepository(Connection* conn) : conn_(conn) {}
  Result<applications::ApplicationId> Insert(const applications::Application& app) override;
  Result<applications::Application> Get(applications::ApplicationId id) override;
  Result<std::vector<applications::Application>> ListByAgency(agency::AgencyId agency) override;
  Result<std::vector<applications::Application>> Find(const ApplicationQuery& query) override;
  Status AppendEvent(applications::ApplicationId id, int expected_count,
                     const applications::Event& event) override;
  Status SetDecisionCorrected(applications::ApplicationId id, bool corrected) override;
  Result<applications::CaseId> InsertCase(const applications::Case& c) override;
  Status UpdateCase(const applications::Case& c) override;
  Result<std::vector<applications::Case>> ListCases(agency::AgencyId agency) override;

 private:
  Status InsertEvent(applications::ApplicationId id, int seq, const applications::Event& e);
  Result<std::vector<applications::Event>> LoadEvents(applications::ApplicationId id);
  Connection* conn_;
};

// One case by id (shared with SqliteApplicationMetaRepository); kNotFound.
Result<applications::Case> GetCaseById(Connection* conn, applications::CaseId id);

class SqliteApplicationMetaRepository final : public ApplicationMetaRepository {
 public:
  explicit SqliteApplicationMetaRepository(Connection* conn) : conn_(conn) {}
  Result<int64_t> NextSequence(agency::AgencyId agency, int year) override;
  Status RaiseSequence(agency::AgencyId agency, int year, int64_t seq) override;
  Result<std::optional<std::string>> GetNumberPattern(agency::AgencyId agency) override;
  Status SetNumberPattern(agency::AgencyId agency, const std::string& pattern) override;
  Status SetLookupHash(applications::ApplicationId id, const std::string& hash) override;
  Result<applications::ApplicationId> FindByLookupHash(const std::string& hash) override;
  Result<std::vector<applications::ApplicationId>> FindByNumber(const std::string& number) override;
  Status SetDueSnapshot(const DueSnapshot& snapshot) override;
  Result<std::vector<DueSnapshot>> DueSnapshots() override;
  Status InsertFiling(applications::ApplicationId id, const ApplicationFiling& f) override;
  Result<std::optional<ApplicationFiling>> GetFiling(applications::ApplicationId id) override;
  Result<applications::Case> GetCase(applications::CaseId id) override {
    return GetCaseById(conn_, id);
  }
  Result<std::optional<std::string>> GetApprovalChain(agency::AgencyId agency,
                                                      const std::string& subject) override;
  Status SetApprovalChain(agency::AgencyId agency, const std::string& subject,
                          const std::string& steps) override;

 private:
  Connection* conn_;
};

class SqliteLetterRepository final : public LetterRepository {
 public:
  explicit SqliteLetterRepository(Connection* conn) : conn_(conn) {}
  Result<std::optional<LetterDate>> GetDate(applications::ApplicationId id,
                                            const std::string& kind) override;
  Status PutDate(const LetterDate& date) override;

 private:
  Connection* conn_;
};

class SqliteAttachmentRepository final : public AttachmentRepository {
 public:
  explicit SqliteAttachmentRepository(Connection* conn) : conn_(conn) {}
  Result<int64_t> Insert(const StoredAttachment& a) override;
  Result<std::vector<StoredAttachment>> List(applications::ApplicationId id) override;
  Result<StoredAttachment> Get(int64_t attachment_id) override;

 private:
  Connection* conn_;
};

class SqliteSealRepository final : public SealRepository {
 public:
  explicit SqliteSealRepository(Connection* conn) : conn_(conn) {}
  Status Put(const StoredSeal& seal) override;
  Result<std::optional<StoredSeal>> Get(agency::AgencyId agency) override;
  Status Delete(agency::AgencyId agency) override;

 private:
  Connection* conn_;
};

}  // namespace gongkai::storage::sqlite
