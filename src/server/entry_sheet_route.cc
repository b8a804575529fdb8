#include "server/entry_sheet_route.h"

#include <boost/json/object.hpp>
#include <cctype>
#include <set>

#include "core/error.h"
#include "exchange/xlsx_entry_sheet.h"
#include "server/api_helpers.h"
#include "server/data_restriction.h"
#include "server/event_log.h"
#include "server/http_error.h"

namespace solieu::server {

Response EntrySheet(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  const std::string data_set = context.path_params.at("id");
  const std::string org_unit = *Param(context, "orgUnit", true);
  const std::string period = *Param(context, "period", true);
  // Metadata and the org tree never change inside one engine (LiveAnalytics::Structure).
  const Analytics& analytics = services.analytics.Structure();
  const MetadataSnapshot& metadata = analytics.metadata();
  EntrySheetForm form;
  try {
    form = ResolveEntrySheetForm(metadata, analytics.hierarchy(), data_set, org_unit, period);
  } catch (const UserError& e) {
    const int status = e.code() == "exchange.unknown_data_set" ? 404 : 400;
    const std::string where = e.where() == "--data-set"   ? "id"
                              : e.where() == "--org-unit" ? "orgUnit"
                                                          : "period";
    throw HttpError(status, e.code(), e.message_vi(), e.message_en(), where);
  }
  RequireScope(analytics, user, *form.org_unit, form.period);

  // Values of elements restricted to a group the user is not in stay blank.
  std::set<std::string> visible;
  for (const DataElement& element : metadata.data_elements) {
    if (MaySee(user, element)) visible.insert(element.uid);
  }
  ValueQuery query;
  query.data_element_uids = form.data_set->data_element_uids;
  query.org_unit_uids = {form.org_unit->uid};
  query.from = form.period.start();
  query.to = form.period.end();
  std::vector<DataValue> stored =
      services.store.Read([&](Store& store) { return store.QueryValues(query); });
  const std::string period_id = form.period.Id();
  std::erase_if(stored, [&](const DataValue& v) {
    return v.key.period != period_id || !visible.contains(v.key.data_element_uid);
  });

  Response response{http::status::ok, 11};
  response.set(http::field::content_type,
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  response.set(http::field::cache_control, "no-store");
  // Codes from a DHIS2 package may hold anything; the header gets letters, digits, '-' and '_'.
  auto safe = [](std::string text) {
    for (char& c : text) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
    }
    return text;
  };
  const DataSet& ds = *form.data_set;
  const OrgUnit& unit = *form.org_unit;
  response.set(http::field::content_disposition,
               "attachment; filename=\"bieu-nhap-" + safe(ds.code.empty() ? ds.uid : ds.code) +
                   "-" + safe(unit.code.empty() ? unit.uid : unit.code) + "-" +
                   safe(form.period.Id()) + ".xlsx\"");
  response.body() = WriteEntrySheet(metadata, form, stored);
  // A prefilled sheet carries stored values out, as an export does.
  LogEvent(services, context, "export_entry_sheet", unit.uid,
           boost::json::object{{"dataSet", ds.uid},
                               {"orgUnit", unit.uid},
                               {"period", form.period.Id()},
                               {"prefilledValues", stored.size()}});
  return response;
}

}  // namespace solieu::server
