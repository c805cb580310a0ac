#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

namespace {

constexpr std::string_view kColumns =
    "id, username, display_name, password_hash, disabled, created_at, updated_at, "
    "must_change_password";

account::User ReadUser(const Stmt& s) {
  account::User u;
  u.id = s.Int(0);
  u.username = s.Text(1);
  u.display_name = s.Text(2);
  u.password_hash = s.Text(3);
  u.disabled = s.Int(4) != 0;
  u.created_at = s.Int(5);
  u.updated_at = s.Int(6);
  u.must_change_password = s.Int(7) != 0;
  return u;
}

Status NotFoundUser(const std::string& who) {
  return NotFound("user " + who, "用户“" + who + "”不存在");
}

}  // namespace

Status SqliteUserRepository::InsertGrants(account::UserId id,
                                          const std::vector<account::RoleGrant>& grants) {
  for (const auto& g : grants) {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt s, conn_->Prepare("INSERT OR IGNORE INTO user_roles (user_id, role, agency_id) "
                               "VALUES (?, ?, ?)"));
    s.Bind(1, id).Bind(2, account::RoleCode(g.role)).Bind(3, g.agency_id);
    Status st = s.Run();
    if (st.code() == StatusCode::kFailedPrecondition) {
      return FailedPrecondition(
          st.message(), "授权的机构（编号 " + std::to_string(g.agency_id.value_or(0)) + "）不存在");
    }
    GONGKAI_RETURN_IF_ERROR(st);
  }
  return Status::Ok();
}

Result<std::vector<account::RoleGrant>> SqliteUserRepository::LoadGrants(account::UserId id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT role, agency_id FROM user_roles WHERE user_id = ? "
                             "ORDER BY ifnull(agency_id, 0), role"));
  s.Bind(1, id);
  return s.ReadAll([](const Stmt& row) -> Result<account::RoleGrant> {
    GONGKAI_ASSIGN_OR_RETURN(account::Role role, account::ParseRole(row.Text(0)));
    return account::RoleGrant{role, row.OptionalInt(1)};
  });
}

Result<account::UserId> SqliteUserRepository::Insert(const account::User& u) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO users (username, display_name, password_hash, disabled, "
                             "created_at, updated_at, must_change_password) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, u.username)
      .Bind(2, u.display_name)
      .Bind(3, u.password_hash)
      .Bind(4, int64_t{u.disabled ? 1 : 0})
      .Bind(5, u.created_at)
      .Bind(6, u.updated_at)
      .Bind(7, int64_t{u.must_change_password ? 1 : 0});
  Status st = s.Run();
  if (st.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists(st.message(), "用户名“" + u.username + "”已被使用");
  }
  GONGKAI_RETURN_IF_ERROR(st);
  account::UserId id = conn_->LastInsertId();
  GONGKAI_RETURN_IF_ERROR(InsertGrants(id, u.grants));
  return id;
}

Result<account::User> SqliteUserRepository::Get(account::UserId id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT " + std::string(kColumns) + " FROM users WHERE id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFoundUser("#" + std::to_string(id));
  account::User u = ReadUser(s);
  GONGKAI_ASSIGN_OR_RETURN(u.grants, LoadGrants(u.id));
  return u;
}

Result<account::User> SqliteUserRepository::GetByUsername(const std::string& username) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT " + std::string(kColumns) + " FROM users WHERE username = ?"));
  s.Bind(1, username);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFoundUser(username);
  account::User u = ReadUser(s);
  GONGKAI_ASSIGN_OR_RETURN(u.grants, LoadGrants(u.id));
  return u;
}

Result<std::vector<account::User>> SqliteUserRepository::List() {
  std::vector<account::User> out;
  {
    GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT " + std::string(kColumns) +
                                                    " FROM users ORDER BY username"));
    GONGKAI_ASSIGN_OR_RETURN(out, s.ReadAll(ReadUser));
  }
  for (auto& u : out) {
    GONGKAI_ASSIGN_OR_RETURN(u.grants, LoadGrants(u.id));
  }
  return out;
}

Status SqliteUserRepository::UpdatePassword(account::UserId id, const std::string& hash,
                                            bool must_change, int64_t at) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("UPDATE users SET password_hash = ?, "
                                                  "must_change_password = ?, updated_at = ? "
                                                  "WHERE id = ?"));
  s.Bind(1, hash).Bind(2, int64_t{must_change ? 1 : 0}).Bind(3, at).Bind(4, id);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0) return NotFoundUser("#" + std::to_string(id));
  return Status::Ok();
}

Status SqliteUserRepository::SetGrants(account::UserId id,
                                       const std::vector<account::RoleGrant>& grants, int64_t at) {
  {
    GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                             conn_->Prepare("UPDATE users SET updated_at = ? WHERE id = ?"));
    s.Bind(1, at).Bind(2, id);
    GONGKAI_RETURN_IF_ERROR(s.Run());
    if (conn_->Changes() == 0) return NotFoundUser("#" + std::to_string(id));
  }
  {
    GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("DELETE FROM user_roles WHERE user_id = ?"));
    s.Bind(1, id);
    GONGKAI_RETURN_IF_ERROR(s.Run());
  }
  return InsertGrants(id, grants);
}

Status SqliteUserRepository::SetDisabled(account::UserId id, bool disabled, int64_t at) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?"));
  s.Bind(1, int64_t{disabled ? 1 : 0}).Bind(2, at).Bind(3, id);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0) return NotFoundUser("#" + std::to_string(id));
  return Status::Ok();
}

}  // namespace gongkai::storage::sqlite
