// server/api_services: what the API's handlers share (the store, the live engine, the auth service,
// the analytics cache, the report definitions), and one Add*Routes function per route group, each
// in its own file. Depends on: server/router and the services it names.
#pragma once

#include <functional>
#include <string>

#include "core/date.h"
#include "core/period.h"
#include "outbreaks/detection_rules.h"
#include "server/auth_service.h"
#include "server/live_analytics.h"
#include "server/response_cache.h"
#include "server/router.h"
#include "server/store_pool.h"

namespace solieu::server {

struct ApiServices {
  StorePool& store;
  LiveAnalytics& analytics;
  AuthService& auth;
  ResponseCache& analytics_cache;
  std::string config_dir;       // the province's configuration folder (report definitions)
  std::function<Date()> today;  // the date of "today's" structure
  const outbreaks::DetectionRules* detection_rules;  // the configuration's, loaded at start
  PasswordCost password_cost;                        // of the accounts set over the API
};

void AddSystemRoutes(Router& router, ApiServices& services);        // health, openapi.json
void AddAuthRoutes(Router& router, ApiServices& services);          // login, logout, me
void AddMetadataRoutes(Router& router, ApiServices& services);      // metadata/*
void AddMetadataEditRoutes(Router& router, ApiServices& services);  // PUT metadata/*/{id}
void AddDataValueRoutes(Router& router, ApiServices& services);     // dataValues
void AddDataValueSetRoutes(Router& router, ApiServices& services);  // dataValueSets (bulk)
void AddAnalyticsRoutes(Router& router, ApiServices& services);     // analytics
void AddReportRoutes(Router& router, ApiServices& services);        // reports/{name}
void AddUserRoutes(Router& router, ApiServices& services);          // users, me/tokens
void AddAuditRoutes(Router& router, ApiServices& services);         // audit
void AddReportingRoutes(Router& router, ApiServices& services);     // completeness, approvals
void AddSurveillanceRoutes(Router& router, ApiServices& services);  // surveillance/*
void AddPlanRoutes(Router& router, ApiServices& services);          // dashboard/indicators, targets
void AddQualityRoutes(Router& router, ApiServices& services);       // validation, outliers

// Scores `week` and stores its signals and alerts (the weekly run, on demand or on schedule).
SurveillanceRun RunWeeklySurveillance(ApiServices& services, const Period& week,
                                      const std::string& user);

}  // namespace solieu::server
