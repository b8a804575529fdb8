#include "surveillance/householder_qr.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace solieu::surveillance {
namespace {

double Norm(const double* x, int n) {
  // Scaled to avoid overflow and underflow, as BLAS dnrm2 is.
  double scale = 0.0;
  double ssq = 1.0;
  for (int i = 0; i < n; ++i) {
    if (x[i] == 0.0) continue;
    const double a = std::fabs(x[i]);
    if (scale < a) {
      ssq = 1.0 + ssq * (scale / a) * (scale / a);
      scale = a;
    } else {
      ssq += (a / scale) * (a / scale);
    }
  }
  return scale * std::sqrt(ssq);
}

}  // namespace

HouseholderQr::HouseholderQr(int rows, int cols, std::vector<double> a, double tolerance)
    : rows_(rows), cols_(cols), qr_(std::move(a)), head_(static_cast<size_t>(cols), 0.0) {
  pivot_.resize(static_cast<size_t>(cols));
  std::iota(pivot_.begin(), pivot_.end(), 0);
  if (rows_ <= 0 || cols_ <= 0) return;

  // norm[j]: the norm of column j below the rows already reduced; reference[j]: its original norm
  // (1 for a zero column), against which negligibility is judged.
  std::vector<double> norm(static_cast<size_t>(cols));
  std::vector<double> reference(static_cast<size_t>(cols));
  for (int j = 0; j < cols; ++j) {
    norm[j] = Norm(&At(0, j), rows);
    reference[j] = norm[j] == 0.0 ? 1.0 : norm[j];
  }

  const int steps = std::min(rows, cols);
  int independent = cols;  // columns at or after this position have been found dependent
  for (int l = 0; l < steps; ++l) {
    // Move negligible columns to the right-hand edge, keeping the others in order.
    while (l < independent && norm[l] < reference[l] * tolerance) {
      std::rotate(qr_.begin() + static_cast<long>(l) * rows, qr_.begin() + (l + 1L) * rows,
                  qr_.end());
      std::rotate(pivot_.begin() + l, pivot_.begin() + l + 1, pivot_.end());
      std::rotate(norm.begin() + l, norm.begin() + l + 1, norm.end());
      std::rotate(reference.begin() + l, reference.begin() + l + 1, reference.end());
      --independent;
    }
    if (l == rows - 1) break;  // the last row needs no reflection

    double* column = &At(l, l);
    const int length = rows - l;
    double alpha = Norm(column, length);
    if (alpha == 0.0) continue;
    if (column[0] != 0.0) alpha = std::copysign(alpha, column[0]);
    for (int i = 0; i < length; ++i) column[i] /= alpha;
    column[0] += 1.0;
    // The reflection is H = I - v v' / v[0] with v = column[0..length).
    for (int j = l + 1; j < cols; ++j) {
      double* target = &At(l, j);
      double dot = 0.0;
      for (int i = 0; i < length; ++i) dot += column[i] * target[i];
      const double t = -dot / column[0];
      for (int i = 0; i < length; ++i) target[i] += t * column[i];
      if (norm[j] != 0.0) {
        double shrink = 1.0 - (std::fabs(target[0]) / norm[j]) * (std::fabs(target[0]) / norm[j]);
        shrink = std::max(shrink, 0.0);
        // Downdating a norm loses precision when it shrinks a lot: recompute it then.
        if (shrink >= 1e-6) {
          norm[j] *= std::sqrt(shrink);
        } else {
          norm[j] = Norm(target + 1, length - 1);
        }
      }
    }
    head_[l] = column[0];
    column[0] = -alpha;
    reflections_ = l + 1;
  }
  rank_ = std::min(independent, rows);
}

void HouseholderQr::Reflect(int l, std::vector<double>* v) const {
  if (l >= reflections_ || head_[l] == 0.0) return;
  const double* column = qr_.data() + static_cast<size_t>(l) * rows_ + l;
  const int length = rows_ - l;
  double* target = v->data() + l;
  double dot = head_[l] * target[0];
  for (int i = 1; i < length; ++i) dot += column[i] * target[i];
  const double t = -dot / head_[l];
  target[0] += t * head_[l];
  for (int i = 1; i < length; ++i) target[i] += t * column[i];
}

std::vector<double> HouseholderQr::Solve(std::span<const double> rhs) const {
  std::vector<double> qty(rhs.begin(), rhs.end());
  for (int l = 0; l < rank_; ++l) Reflect(l, &qty);
  std::vector<double> solution(static_cast<size_t>(rank_));
  for (int i = rank_ - 1; i >= 0; --i) {
    double s = qty[i];
    for (int j = i + 1; j < rank_; ++j) s -= At(i, j) * solution[j];
    solution[i] = s / At(i, i);
  }
  std::vector<double> out(static_cast<size_t>(cols_), std::numeric_limits<double>::quiet_NaN());
  for (int j = 0; j < rank_; ++j) out[pivot_[j]] = solution[j];
  return out;
}

std::vector<double> HouseholderQr::UnscaledCovariance() const {
  const int r = rank_;
  // inverse = R^-1 (upper triangular), column by column.
  std::vector<double> inverse(static_cast<size_t>(r) * r, 0.0);
  for (int c = 0; c < r; ++c) {
    for (int i = c; i >= 0; --i) {
      double s = i == c ? 1.0 : 0.0;
      for (int j = i + 1; j <= c; ++j) s -= At(i, j) * inverse[static_cast<size_t>(c) * r + j];
      inverse[static_cast<size_t>(c) * r + i] = s / At(i, i);
    }
  }
  std::vector<double> out(static_cast<size_t>(cols_) * cols_,
                          std::numeric_limits<double>::quiet_NaN());
  for (int a = 0; a < r; ++a) {
    for (int b = 0; b < r; ++b) {
      double s = 0.0;
      for (int k = std::max(a, b); k < r; ++k) {
        s += inverse[static_cast<size_t>(k) * r + a] * inverse[static_cast<size_t>(k) * r + b];
      }
      out[static_cast<size_t>(pivot_[b]) * cols_ + pivot_[a]] = s;
    }
  }
  return out;
}

double HouseholderQr::QuadraticForm(std::span<const double> x) const {
  // Solve R' v = x[pivot] by forward substitution; the form is |v|^2.
  std::vector<double> v(static_cast<size_t>(rank_));
  double sum = 0.0;
  for (int i = 0; i < rank_; ++i) {
    double s = x[pivot_[i]];
    for (int j = 0; j < i; ++j) s -= At(j, i) * v[j];
    v[i] = s / At(i, i);
    sum += v[i] * v[i];
  }
  return sum;
}

std::vector<double> HouseholderQr::Leverages() const {
  std::vector<double> hat(static_cast<size_t>(rows_), 0.0);
  std::vector<double> column(static_cast<size_t>(rows_));
  for (int j = 0; j < rank_; ++j) {
    // Column j of Q is H_0 H_1 ... H_j e_j (later reflections leave e_j alone).
    std::fill(column.begin(), column.end(), 0.0);
    column[j] = 1.0;
    for (int l = j; l >= 0; --l) Reflect(l, &column);
    for (int i = 0; i < rows_; ++i) hat[i] += column[i] * column[i];
  }
  const double one = 1.0 - 10 * std::numeric_limits<double>::epsilon();
  for (double& h : hat) {
    if (h >= one) h = 1.0;
  }
  return hat;
}

}  // namespace solieu::surveillance
