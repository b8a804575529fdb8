#include "store/sql_connection.h"

namespace solieu::sql {

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.Rollback();
    } catch (...) {  // a destructor must not throw; the connection reports the next failure
    }
  }
}

}  // namespace solieu::sql
