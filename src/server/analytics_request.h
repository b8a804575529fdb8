// server/analytics_request: GET /api/analytics as DHIS2 clients send it —
// dimension=dx:ID;ID, dimension=pe:202501;LAST_12_MONTHS, dimension=ou:CODE;LEVEL-3, filter=...,
// structure=today|as-it-was, asOf=YYYY-MM-DD — planned into an engine query within the user's
// org scope, and the engine's answer as DHIS2's {headers, metaData, rows}.
// Depends on: engine/analytics, auth/org_scope, server/relative_periods, server/request_target.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "auth/org_scope.h"
#include "engine/analytics.h"
#include "server/request_target.h"

namespace solieu::server {

struct AnalyticsPlan {
  AnalyticsQuery query;
  std::vector<std::string> dx;  // as requested (codes or uids)
  std::vector<const OrgUnit*> units;
};

// Throws HttpError 400 for malformed or oversized requests and 403 for an org unit outside
// `scope`. With no org unit named (only LEVEL-n, or USER_ORGUNIT), the user's own units are the
// roots.
AnalyticsPlan PlanAnalytics(const Analytics& analytics, const QueryParams& params,
                            const OrgScope& scope, Date today);

boost::json::object AnalyticsJson(const Analytics& analytics, const AnalyticsPlan& plan,
                                  const AnalyticsResult& result);

// The value as text the way the CLI prints it: an indicator with its decimals, a data element
// without trailing zeros.
std::string AnalyticsNumber(double value, const Indicator* indicator);

}  // namespace solieu::server
