#!/usr/bin/env bash
# Quick start: installs what is missing, builds solieu, creates the Điện Biên demo store
# (the embedded SQLite file data/solieu.db) from config/dien-bien/ and demo/dien-bien/: the figures
# of the department's reports, and synthetic monthly values per health station that add up to them;
# then builds the web app (web/dist) and serves it with the API at http://127.0.0.1:8080 in the
# foreground (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/build.sh build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOLIEU_BUILD_TESTS=OFF

store="data/solieu.db"
./build/solieu demo --store "$store" --config config/dien-bien --demo demo/dien-bien
echo
echo "Đơn vị trước cải cách (30/06/2025) / units before the reform:"
./build/solieu org tree --store "$store" --as-of 2025-06-30 --format csv | cut -d, -f3 | sort | uniq -c
echo "Đơn vị từ 01/07/2025 / units from 2025-07-01:"
./build/solieu org tree --store "$store" --as-of 2025-07-01 --format csv | cut -d, -f3 | sort | uniq -c
echo
echo "Kho dữ liệu / store: $store"
echo "Thử / try:  ./build/solieu --store $store org show 03325"
echo "            ./build/solieu --store $store metadata list indicators"
echo

echo "== ứng dụng web / web app (npm ci, vite build)"
(cd web && npm ci --no-audit --no-fund && npm run build)

echo
echo "Mở / open  http://127.0.0.1:8080/   (Ctrl-C để dừng / to stop)"
echo "Tài khoản mẫu / demo logins (chỉ để thử / demo only):"
echo "  admin           quantri@DienBien     quản trị / administrator"
echo "  thongke         thongke@DienBien     quản lý số liệu tỉnh / province data manager"
echo "  tyt.muongphang  muongphang@DienBien  nhập số liệu TYT Mường Phăng / facility data clerk"
echo "  xem             xem@DienBien         người xem / viewer"
exec ./build/solieu serve --store "$store" --listen 127.0.0.1:8080 --web web/dist
