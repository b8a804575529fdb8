// server/event_log: the admin event log's entries for what users do besides writing values:
// exports (data value sets, report downloads) and metadata edits, each with who, when, from which
// client address and what (JSON detail). Read by administrators through GET /api/audit/events
// and /api/audit/exports; no route edits or deletes it.
// Depends on: server/api_services, store.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "server/api_services.h"

namespace solieu::server {

void LogEvent(ApiServices& services, const RequestContext& context, const std::string& action,
              const std::string& target, const boost::json::object& detail);

}  // namespace solieu::server
