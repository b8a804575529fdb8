// surveillance/householder_qr: the QR factorization behind weighted least squares in the GLM fit.
// Written by hand (a design has a handful of columns; a linear-algebra library would be heavier
// than the problem) and following the conventions of R's dqrdc2, which lm() and glm.fit() use, so
// that rank, dropped columns and covariances are R's. Depends on: the standard library only.
#pragma once

#include <span>
#include <vector>

namespace solieu::surveillance {

class HouseholderQr {
 public:
  // Factorizes the rows x cols matrix `a`, stored column by column. A column whose norm, once its
  // components along the earlier columns are removed, falls below `tolerance` times its original
  // norm is linearly dependent: like dqrdc2, it is moved to the end and left out of the rank.
  HouseholderQr(int rows, int cols, std::vector<double> a, double tolerance);

  int rows() const { return rows_; }
  int cols() const { return cols_; }
  int rank() const { return rank_; }
  // pivot()[j] is the original index of the column in position j; the first rank() are used.
  const std::vector<int>& pivot() const { return pivot_; }

  // The least-squares solution of a x = rhs (rhs has rows() entries), in original column order;
  // NaN for dependent columns (R reports NA there).
  std::vector<double> Solve(std::span<const double> rhs) const;

  // (R'R)^-1 in original column order, cols x cols column by column, NaN rows and columns for the
  // dependent columns: R's chol2inv(qr$qr[1:p, 1:p]), the unscaled covariance of summary.glm.
  std::vector<double> UnscaledCovariance() const;

  // x (R'R)^-1 x' for a row x in original column order (dependent columns ignored, as predict.lm
  // does): the squared standard error of a prediction at x, before scaling by the dispersion.
  double QuadraticForm(std::span<const double> x) const;

  // The diagonal of the hat matrix Q Q' (R's hatvalues), with values within 10 eps of 1 set to 1.
  std::vector<double> Leverages() const;

 private:
  double& At(int i, int j) { return qr_[static_cast<size_t>(j) * rows_ + i]; }
  double At(int i, int j) const { return qr_[static_cast<size_t>(j) * rows_ + i]; }
  // Applies the l-th Householder reflection to v (rows() entries) in place.
  void Reflect(int l, std::vector<double>* v) const;

  int rows_;
  int cols_;
  int rank_ = 0;
  int reflections_ = 0;
  // R on and above the diagonal; below it, the Householder vectors (their first entries are in
  // head_), as LINPACK stores them.
  std::vector<double> qr_;
  std::vector<double> head_;
  std::vector<int> pivot_;
};

}  // namespace solieu::surveillance
