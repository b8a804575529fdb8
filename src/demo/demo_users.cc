#include "demo/demo_users.h"

#include "auth/password.h"
#include "core/error.h"
#include "core/org_hierarchy.h"

namespace solieu {

const std::vector<DemoUser>& DemoUsers() {
  static const std::vector<DemoUser> users = {
      {"admin",
       "quantri@DienBien",
       "administrator",
       "11",
       "quản trị hệ thống / administrator, Sở Y tế Điện Biên",
       {}},
      {"thongke",
       "thongke@DienBien",
       "province-data-manager",
       "11",
       "phòng Kế hoạch - Thống kê / province data manager, nhóm HIV / in group hiv",
       {"hiv"}},
      {"tyt.muongphang",
       "muongphang@DienBien",
       "facility-data-clerk",
       "TYT03325",
       "Trạm Y tế xã Mường Phăng / clerk of the commune health station",
       {}},
      {"xem",
       "xem@DienBien",
       "viewer",
       "11",
       "chỉ xem, không thấy số liệu HIV / viewer, no HIV figures",
       {}},
  };
  return users;
}

void WriteDemoUsers(const MetadataSnapshot& metadata, Store& store,
                    const std::function<void(const std::string&)>& progress) {
  OrgHierarchy hierarchy(metadata.org_units, metadata.parent_links, metadata.org_events);
  progress("người dùng mẫu (CHỈ DÙNG THỬ) / demo users (DEMO ONLY):");
  for (const DemoUser& user : DemoUsers()) {
    const OrgUnit* unit = hierarchy.FindLatestByCode(user.org_code);
    if (unit == nullptr) {
      throw UserError("demo.unknown_org_unit", "không có đơn vị '" + user.org_code + "'",
                      "no org unit '" + user.org_code + "' for demo user " + user.username);
    }
    store.PutUser(
        {user.username, HashPassword(user.password), user.role, {unit->uid}, false, user.groups});
    std::string groups;
    for (const std::string& group : user.groups)
      groups += ", " + std::string("nhóm/group ") + group;
    progress("  " + user.username + " / " + user.password + "  (" + user.role + ", " + unit->code +
             " " + unit->name_vi + groups + ")");
  }
}

}  // namespace solieu
