#pragma once
// Mustache data and form parsing for the catalog's staff pages (catalog_pages.cc,
// item_pages.cc). Presentation only: the catalog service validates and authorizes.

#include <mstch/mstch.hpp>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "http/application_codec.h"
#include "http/server.h"
#include "services/attachments.h"
#include "services/catalog_service.h"

namespace gongkai::http {

// The editor form as the service's input: fields, body_format (text | html), the uploads of the
// "files" input and the names ticked in "remove_file". A bad 成文日期 is added to *errors.
services::ItemInput ItemInputFrom(const HttpRequest& req,
                                  std::vector<services::FieldError>* errors);

// The service's refusal beside the field its Chinese message names (名称…, 主题分类…, 附件…);
// field "" when it names none.
services::FieldError ItemFieldError(const Status& status);

// Adds the errors to the editor form (e_title …, focus_title, error_list) in form order.
void AddItemFieldErrors(const std::vector<services::FieldError>& errors, mstch::map* form);

// The editor form: the values (from `get`: submitted fields or a revision's), the column picker
// (columns that hold items, `column_id` selected), 主题分类 as <optgroup>s, 体裁, 公开属性, and the
// current attachments with a remove box each.
mstch::map ItemFormContext(const FieldFn& get, const std::vector<catalog::Column>& columns,
                           catalog::ItemId item, const std::vector<catalog::FileRef>& files);

// A revision's fields by form name, for the edit form (body_format "html").
FieldFn RevisionFields(const catalog::Revision& revision, catalog::ColumnId column);

// The staff item page: record, metadata rows, body, attachments, links, history.
mstch::map ItemPageContext(const services::ItemView& view,
                           const std::vector<catalog::Revision>& history);

// "变更字段" of revision `r` against `before` (名称, 正文, 附件 …), "新建" for the first.
std::string ChangedFields(const catalog::Revision* before, const catalog::Revision& r);

// One row per item of a list: id, title, doc number, status, column, updated.
mstch::array ItemRows(const storage::ItemPage& page, const std::vector<catalog::Column>& columns);

}  // namespace gongkai::http
