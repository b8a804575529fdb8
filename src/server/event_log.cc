#include "server/event_log.h"

#include <boost/json/serialize.hpp>

#include "core/clock.h"

namespace solieu::server {

void LogEvent(ApiServices& services, const RequestContext& context, const std::string& action,
              const std::string& target, const boost::json::object& detail) {
  services.store.Write([&](Store& store) {
    store.RecordAdminEvent({UtcTimestampNow(), context.user().account.username, context.client,
                            action, target, boost::json::serialize(detail)});
    return 0;
  });
}

}  // namespace solieu::server
