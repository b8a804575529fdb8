#include "store/sql_connection.h"

#include <stdexcept>

namespace solieu::sql {

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.Rollback();
    } catch (...) {  // a destructor must not throw; the connection reports the next failure
    }
  }
}

void Connection::CopyIn(std::string_view, std::string_view) {
  throw std::logic_error("COPY is PostgreSQL's: check CanCopy() first");
}

void AppendCopyField(std::string* row, std::string_view field) {
  for (char c : field) {
    switch (c) {
      case '\\':
        row->append("\\\\");
        break;
      case '\n':
        row->append("\\n");
        break;
      case '\r':
        row->append("\\r");
        break;
      case '\t':
        row->append("\\t");
        break;
      default:
        row->push_back(c);
    }
  }
}

}  // namespace solieu::sql
