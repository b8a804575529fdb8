// GET, PUT and DELETE /api/dataValues: one value at a time. Writes need the clerk or manager role
// on the value's org unit (as of the period), are checked against the data element's value type,
// go through Store::PutValues (one transaction, audited under the user's name and client address)
// and are applied to
// the live engine before the response. A client that read a value can send it back as
// "expected": the write is then refused with 409 and the current value if someone changed it
// meanwhile, so no update is lost silently. A value an approval covers is refused with 409
// (api.locked) until the approval is withdrawn. A written value's response lists the validation
// rules it now violates at its unit and period (warnings, as in DHIS2's data entry).
#include <boost/json/object.hpp>

#include "auth/role.h"
#include "core/value_check.h"
#include "quality/validation.h"
#include "reporting/approval.h"
#include "server/api_helpers.h"
#include "server/api_services.h"
#include "server/data_restriction.h"
#include "server/http_error.h"
#include "server/json_response.h"

namespace solieu::server {
namespace {

namespace json = boost::json;

constexpr size_t kMaxCommentBytes = 4000;

struct KeyInput {
  std::string de, pe, ou, co;
};

KeyInput KeyFromQuery(const RequestContext& context) {
  return {*Param(context, "de", true), *Param(context, "pe", true), *Param(context, "ou", true),
          Param(context, "co", false).value_or("default")};
}

ResolvedValueKey ResolveInScope(ApiServices& services, const Principal& principal,
                                const KeyInput& input, bool require_open) {
  return services.analytics.Read([&](const Analytics& analytics) {
    ResolvedValueKey key =
        ResolveValueKey(analytics, input.de, input.pe, input.ou, input.co, require_open);
    RequireScope(analytics, principal, *key.unit, key.period);
    RequireMaySee(principal, *key.element, "de");
    return key;
  });
}

// What the client expects to be stored: absent (no check), null (nothing stored) or a value.
struct Expectation {
  bool check = false;
  std::optional<std::string> value;
};

Expectation ExpectationOf(const json::object& body) {
  const json::value* expected = body.if_contains("expected");
  if (expected == nullptr) return {};
  if (expected->is_null()) return {true, std::nullopt};
  if (!expected->is_string()) {
    throw HttpError(400, "api.wrong_type", "trường 'expected' phải là chuỗi hoặc null",
                    "field 'expected' must be a string or null", "expected");
  }
  return {true, std::string(expected->as_string())};
}

struct WriteOutcome {
  bool conflict = false;
  std::optional<LockReason> locked;  // an approval covers the value
  WriteCounts counts;
  std::optional<DataValue> before;
  std::optional<DataValue> after;
};

// The compare-and-set and the write happen under the store's write lock, so no other write can
// come between them; the engine is updated before the lock is released.
WriteOutcome WriteValue(ApiServices& services, const DataValueWrite& write,
                        const Expectation& expectation, const std::string& user,
                        const std::string& client) {
  const Analytics* analytics = &services.analytics.Structure();
  return services.store.Write([&](Store& store) {
    WriteOutcome outcome;
    reporting::ApprovalLock lock(analytics->metadata(), analytics->hierarchy(),
                                 store.Reporting().Approvals());
    outcome.locked = lock.Locked(write.key, "");
    if (outcome.locked) return outcome;
    outcome.before = store.GetValue(write.key);
    if (expectation.check) {
      std::optional<std::string> current;
      if (outcome.before) current = outcome.before->value;
      if (current != expectation.value) {
        outcome.conflict = true;
        return outcome;
      }
    }
    outcome.counts = store.PutValues({write}, user, client);
    if (outcome.counts.created + outcome.counts.updated + outcome.counts.deleted > 0) {
      services.analytics.Apply({write});
    }
    outcome.after = store.GetValue(write.key);
    return outcome;
  });
}

Response Locked(const LockReason& reason) {
  return ErrorResponse(409, UserError("api.locked", "giá trị đã khóa: " + reason.vi,
                                      "the value is locked: " + reason.en, "pe"));
}

Response Conflict(const WriteOutcome& outcome) {
  json::object body = ErrorObject(UserError(
      "api.conflict", "giá trị đã bị người khác thay đổi; xem giá trị hiện tại và nhập lại",
      "the value was changed by someone else; see the current value and retry", "expected"));
  body["current"] = outcome.before ? json::value(DataValueJson(*outcome.before)) : nullptr;
  return JsonResponse(409, body);
}

const char* StatusOf(const WriteCounts& counts) {
  if (counts.created) return "created";
  if (counts.updated) return "updated";
  if (counts.deleted) return "deleted";
  return "unchanged";
}

// Whether a rule's expressions name the element (by code or uid, in #{...}).
bool RuleUsesElement(const ValidationRule& rule, const DataElement& element) {
  for (const std::string* text : {&rule.left.expression, &rule.right.expression}) {
    for (const std::string& id : {element.code, element.uid}) {
      if (text->find("#{" + id + "}") != std::string::npos ||
          text->find("#{" + id + ".") != std::string::npos) {
        return true;
      }
    }
  }
  return false;
}

// The validation rules the written value takes part in, checked for its unit and period as data
// entry checks them: a violation is a warning shown to the clerk, not a refusal (a case reported
// this week may die next week, when the form is corrected).
json::array ViolationsAfterWrite(const Analytics& analytics, const Principal& user,
                                 const DataElement& element, const OrgUnit& unit,
                                 const Period& period) {
  HiddenItems hidden(analytics.metadata(), user);
  std::vector<ValidationRule> rules;
  for (const ValidationRule& rule : analytics.metadata().validation_rules) {
    // A rule over figures the user may not see (HIV) would show them through its two sides.
    if (RuleUsesElement(rule, element) && !hidden.HidesRule(rule)) rules.push_back(rule);
  }
  json::array out;
  if (rules.empty()) return out;
  auto number = [](const std::optional<double>& v) { return v ? json::value(*v) : nullptr; };
  for (const quality::Violation& v : quality::RunValidation(analytics, rules, unit, {period})) {
    if (v.org_unit->uid != unit.uid) continue;
    out.push_back(json::object{{"rule", v.rule->code},
                               {"name", v.rule->name_vi},
                               {"nameEn", v.rule->name_en},
                               {"instruction", v.rule->instruction_vi},
                               {"instructionEn", v.rule->instruction_en},
                               {"importance", ValidationImportanceName(v.importance)},
                               {"left", number(v.left)},
                               {"right", number(v.right)}});
  }
  return out;
}

Response Get(ApiServices& services, RequestContext& context) {
  ResolvedValueKey key = ResolveInScope(services, context.user(), KeyFromQuery(context), false);
  auto value = services.store.Read([&](Store& store) { return store.GetValue(key.key); });
  if (!value) {
    throw HttpError(404, "api.no_value", "chưa có giá trị cho khóa này",
                    "no value is stored for this key", "de/pe/ou/co");
  }
  return JsonResponse(200, DataValueJson(*value));
}

Response Put(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireRole(CanWriteValues(user.role), user, "nhập số liệu", "enter data values");
  json::object body = ParseJsonObject(context.request);
  KeyInput input{*StringField(body, "de", true), *StringField(body, "pe", true),
                 *StringField(body, "ou", true),
                 StringField(body, "co", false).value_or("default")};
  std::string text = *StringField(body, "value", true);
  std::string comment = StringField(body, "comment", false).value_or("");
  Expectation expectation = ExpectationOf(body);
  if (comment.size() > kMaxCommentBytes) {
    throw HttpError(400, "api.comment_too_long",
                    "ghi chú dài quá " + std::to_string(kMaxCommentBytes) + " byte",
                    "the comment is longer than " + std::to_string(kMaxCommentBytes) + " bytes",
                    "comment");
  }
  ResolvedValueKey key = ResolveInScope(services, user, input, true);
  ValueProblem problem;
  auto value = CheckValue(key.element->value_type, text, &problem);
  if (!value) throw HttpError(400, "api.invalid_value", problem.vi, problem.en, "value");
  DataValueWrite write{key.key, key.period.start(), key.period.end(), *value, comment};
  WriteOutcome outcome =
      WriteValue(services, write, expectation, user.account.username, context.client);
  if (outcome.locked) return Locked(*outcome.locked);
  if (outcome.conflict) return Conflict(outcome);
  json::array violations = services.analytics.Read([&](const Analytics& analytics) {
    return ViolationsAfterWrite(analytics, user, *key.element, *key.unit, key.period);
  });
  return JsonResponse(200, json::object{{"status", StatusOf(outcome.counts)},
                                        {"dataValue", DataValueJson(*outcome.after)},
                                        {"validation", std::move(violations)}});
}

Response Delete(ApiServices& services, RequestContext& context) {
  const Principal& user = context.user();
  RequireRole(CanWriteValues(user.role), user, "xóa số liệu", "delete data values");
  ResolvedValueKey key = ResolveInScope(services, user, KeyFromQuery(context), false);
  Expectation expectation;
  if (auto expected = Param(context, "expected", false)) expectation = {true, *expected};
  DataValueWrite write{key.key, key.period.start(), key.period.end(), std::nullopt, ""};
  WriteOutcome outcome =
      WriteValue(services, write, expectation, user.account.username, context.client);
  if (outcome.locked) return Locked(*outcome.locked);
  if (outcome.conflict) return Conflict(outcome);
  if (!outcome.counts.deleted) {
    throw HttpError(404, "api.no_value", "chưa có giá trị cho khóa này",
                    "no value is stored for this key", "de/pe/ou/co");
  }
  return JsonResponse(
      200, json::object{{"status", "deleted"}, {"dataValue", DataValueJson(*outcome.before)}});
}

}  // namespace

void AddDataValueRoutes(Router& router, ApiServices& services) {
  router.Add(http::verb::get, "/api/dataValues", Access::kUser,
             [&services](RequestContext& context) { return Get(services, context); });
  router.Add(http::verb::put, "/api/dataValues", Access::kUser,
             [&services](RequestContext& context) { return Put(services, context); });
  router.Add(http::verb::delete_, "/api/dataValues", Access::kUser,
             [&services](RequestContext& context) { return Delete(services, context); });
}

}  // namespace solieu::server
