// server/api_helpers: what several route groups need: reading a JSON body and query parameters
// into typed fields with a 400 that names the field, resolving data-value keys typed by a person
// or a program (codes or uids), and the role and org-scope checks that answer 403.
// Depends on: core, engine/analytics, auth, server/router.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "auth/org_scope.h"
#include "core/data_value.h"
#include "core/period.h"
#include "engine/analytics.h"
#include "server/router.h"

namespace solieu::server {

// The body as a JSON object; 400 when it is not one.
boost::json::object ParseJsonObject(const Request& request);
// A string member: 400 when required and absent, or present with another type.
std::optional<std::string> StringField(const boost::json::object& body, const char* name,
                                       bool required);

// A query parameter; 400 when required and absent or empty.
std::optional<std::string> Param(const RequestContext& context, const char* name, bool required);

Period ParsePeriodParam(const std::string& text, const char* where);
// A path parameter holding a record id (1, 2, ...); 400 naming it otherwise.
std::int64_t IdPathParam(const RequestContext& context, const char* name);
Date ParseDateParam(const std::string& text, const char* where);

const DataElement& FindDataElementOr400(const MetadataSnapshot& m, const std::string& id,
                                        const char* where);
const Indicator* FindIndicatorByIdOrCode(const MetadataSnapshot& m, const std::string& id);

// A unit by uid, or by code as of `day` (codes are reused); 400 when there is none.
const OrgUnit& FindOrgUnitOr400(const OrgHierarchy& hierarchy, const std::string& id, Date day,
                                const char* where);

struct ResolvedValueKey {
  DataValueKey key;
  Period period;
  const DataElement* element;
  const OrgUnit* unit;
};

// de, pe, ou, co as a program or a person gives them (uids or codes; co defaults to the default
// combo). An org unit code names the unit that held it on the period's last day, else on its
// first. With `require_open`, the unit must be open on the period's last day: the unit that
// exists when a period closes reports it (the new Xã Mường Phăng reports the year 2025; the old
// one, closed on 1 July 2025, reports up to June). 400 for anything unknown or invalid.
ResolvedValueKey ResolveValueKey(const Analytics& analytics, const std::string& de,
                                 const std::string& pe, const std::string& ou,
                                 const std::string& co, bool require_open);

// 403 unless `allowed`.
void RequireRole(bool allowed, const Principal& principal, const std::string& what_vi,
                 const std::string& what_en);
// 403 unless the unit lies in the user's subtrees for data of `period`.
void RequireScope(const Analytics& analytics, const Principal& principal, const OrgUnit& unit,
                  const Period& period);

OrgScope ScopeOf(const Analytics& analytics, const Principal& principal);

boost::json::object DataValueJson(const DataValue& value);

}  // namespace solieu::server
