// surveillance/glm_quasi_poisson: the quasi-Poisson log-linear model, fitted by iteratively
// reweighted least squares exactly as R's glm.fit does (same start, same convergence test, same
// working weights), with the quantities summary.glm and predict.glm derive from the fit. The
// Farrington detectors are built on it; reproducing R's arithmetic step by step is what makes
// their thresholds agree with R's. Depends on: surveillance/householder_qr.
#pragma once

#include <span>
#include <vector>

#include "surveillance/householder_qr.h"

namespace solieu::surveillance {

// The model matrix: rows observations by cols covariates, stored column by column.
struct DesignMatrix {
  int rows = 0;
  int cols = 0;
  std::vector<double> values;

  double& At(int i, int j) { return values[static_cast<size_t>(j) * rows + i]; }
  double At(int i, int j) const { return values[static_cast<size_t>(j) * rows + i]; }
};

// glm.control()'s defaults.
struct GlmControl {
  double epsilon = 1e-8;
  int max_iterations = 25;
};

struct GlmFit {
  // NaN for a coefficient whose column is linearly dependent on earlier ones (R: NA).
  std::vector<double> coefficients;
  bool converged = false;
  int iterations = 0;
  std::vector<double> fitted;            // mu
  std::vector<double> linear_predictor;  // eta = log(mu)
  std::vector<double> prior_weights;
  // The IRLS weights of the last iteration, i.e. computed from the mu *before* the final update,
  // as glm.fit returns them in $weights (0 for observations with zero prior weight).
  std::vector<double> working_weights;
  std::vector<double> working_residuals;  // (y - mu) / mu, with the final mu
  double deviance = 0.0;
  int df_residual = 0;  // observations with positive prior weight minus the rank
  // The factorization of the last weighted least-squares step; covariances come from it.
  HouseholderQr qr{0, 0, {}, 0.0};
};

// Fits log E[y] = X beta with variance proportional to the mean. `prior_weights` may be empty (all
// 1). y must be non-negative. Never throws: a fit that cannot proceed (non-finite coefficients,
// a deviance that cannot be made finite) is returned with converged = false.
GlmFit FitQuasiPoissonGlm(const DesignMatrix& x, std::span<const double> y,
                          std::span<const double> prior_weights, const GlmControl& control = {});

// The dispersion as summary.glm estimates it: sum(w * r^2) over w > 0, divided by the residual
// degrees of freedom, with r the working residuals and w = `weights` (the fit's working weights
// unless a caller has replaced them, as farringtonFlexible does). NaN when df_residual <= 0.
double EstimateDispersion(const GlmFit& fit, std::span<const double> weights);
inline double EstimateDispersion(const GlmFit& fit) {
  return EstimateDispersion(fit, fit.working_weights);
}

// One row of summary.glm's coefficient table for a quasi family: estimate, standard error,
// t value and two-sided p-value from the t distribution with df_residual degrees of freedom.
struct CoefficientTest {
  double estimate;
  double std_error;
  double t_value;
  double p_value;
};
CoefficientTest TestCoefficient(const GlmFit& fit, int column, double dispersion);

// dispersion * (X'WX)^-1 in original column order, cols x cols column by column (summary.glm's
// cov.scaled); NaN rows and columns for dependent columns.
std::vector<double> CoefficientCovariance(const GlmFit& fit, double dispersion);

// predict.glm(type = "link", se.fit = TRUE) at one covariate row.
struct LinkPrediction {
  double eta;
  double se;
};
LinkPrediction PredictLink(const GlmFit& fit, std::span<const double> row, double dispersion);

// The leverages (hatvalues) of the observations with positive prior weight, in order.
std::vector<double> Leverages(const GlmFit& fit);

}  // namespace solieu::surveillance
