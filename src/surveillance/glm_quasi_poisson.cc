#include "surveillance/glm_quasi_poisson.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "surveillance/distributions.h"

namespace solieu::surveillance {
namespace {

constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The log link's inverse and derivative, bounded below as R's make.link("log") bounds them.
double LinkInverse(double eta) {
  return std::max(std::exp(eta), kEpsilon);
}

// Poisson deviance: 2 sum w (y log(y / mu) - (y - mu)), the y log y term being 0 at y = 0.
double Deviance(std::span<const double> y, const std::vector<double>& mu,
                const std::vector<double>& weights) {
  double sum = 0.0;
  for (size_t i = 0; i < y.size(); ++i) {
    const double r = y[i] > 0 ? weights[i] * (y[i] * std::log(y[i] / mu[i]) - (y[i] - mu[i]))
                              : mu[i] * weights[i];
    sum += 2 * r;
  }
  return sum;
}

std::vector<double> LinearPredictor(const DesignMatrix& x, const std::vector<double>& beta) {
  std::vector<double> eta(static_cast<size_t>(x.rows), 0.0);
  for (int j = 0; j < x.cols; ++j) {
    // R's x %*% start with NA coefficients would give NA; a dependent column contributes nothing
    // because glm.fit works with start[pivot] where aliased entries are 0 in the update.
    if (std::isnan(beta[j])) continue;
    for (int i = 0; i < x.rows; ++i) eta[i] += x.At(i, j) * beta[j];
  }
  return eta;
}

}  // namespace

GlmFit FitQuasiPoissonGlm(const DesignMatrix& x, std::span<const double> y,
                          std::span<const double> prior_weights, const GlmControl& control) {
  const int n = x.rows;
  const int p = x.cols;
  GlmFit fit;
  fit.prior_weights.assign(prior_weights.begin(), prior_weights.end());
  if (fit.prior_weights.empty()) fit.prior_weights.assign(static_cast<size_t>(n), 1.0);
  const std::vector<double>& weights = fit.prior_weights;

  // glm.fit: mustart = y + 0.1 (the quasipoisson family's initialize), eta = log(mustart).
  std::vector<double> eta(static_cast<size_t>(n));
  std::vector<double> mu(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    mu[i] = y[i] + 0.1;
    eta[i] = std::log(mu[i]);
  }
  double deviance_old = Deviance(y, mu, weights);
  std::vector<double> coefficients(static_cast<size_t>(p), 0.0);
  std::vector<double> coefficients_old;  // empty until one iteration has completed
  std::vector<int> good;
  std::vector<double> sqrt_w;
  const double qr_tolerance = std::min(1e-7, control.epsilon / 1000);

  for (int iteration = 1; iteration <= control.max_iterations; ++iteration) {
    fit.iterations = iteration;
    // Working response z and weights w = sqrt(prior * mu.eta^2 / variance(mu)).
    good.clear();
    sqrt_w.clear();
    std::vector<double> z;
    for (int i = 0; i < n; ++i) {
      const double mu_eta = LinkInverse(eta[i]);
      if (!(weights[i] > 0) || mu_eta == 0) continue;
      good.push_back(i);
      z.push_back(eta[i] + (y[i] - mu[i]) / mu_eta);
      sqrt_w.push_back(std::sqrt(weights[i] * (mu_eta * mu_eta) / mu[i]));
    }
    const int m = static_cast<int>(good.size());
    std::vector<double> a(static_cast<size_t>(m) * p);
    for (int j = 0; j < p; ++j) {
      for (int r = 0; r < m; ++r) a[static_cast<size_t>(j) * m + r] = x.At(good[r], j) * sqrt_w[r];
    }
    for (int r = 0; r < m; ++r) z[r] *= sqrt_w[r];
    fit.qr = HouseholderQr(m, p, std::move(a), qr_tolerance);
    std::vector<double> solution = fit.qr.Solve(z);
    for (int j = 0; j < fit.qr.rank(); ++j) {
      if (!std::isfinite(solution[fit.qr.pivot()[j]])) {
        fit.converged = false;
        fit.coefficients = solution;
        return fit;
      }
    }
    if (m < fit.qr.rank()) return fit;
    coefficients = solution;
    eta = LinearPredictor(x, coefficients);
    for (int i = 0; i < n; ++i) mu[i] = LinkInverse(eta[i]);
    double deviance = Deviance(y, mu, weights);

    // Step halving towards the previous coefficients while the deviance or mu is not finite.
    bool valid = std::isfinite(deviance) &&
                 std::all_of(mu.begin(), mu.end(), [](double v) { return std::isfinite(v); });
    if (!valid) {
      if (coefficients_old.empty()) return fit;  // R: "no valid set of coefficients"
      for (int halving = 1; !valid; ++halving) {
        if (halving > control.max_iterations) return fit;  // R: "cannot correct step size"
        for (int j = 0; j < p; ++j) coefficients[j] = (coefficients[j] + coefficients_old[j]) / 2;
        eta = LinearPredictor(x, coefficients);
        for (int i = 0; i < n; ++i) mu[i] = LinkInverse(eta[i]);
        deviance = Deviance(y, mu, weights);
        valid = std::isfinite(deviance) &&
                std::all_of(mu.begin(), mu.end(), [](double v) { return std::isfinite(v); });
      }
    }
    fit.deviance = deviance;
    if (std::fabs(deviance - deviance_old) / (std::fabs(deviance) + 0.1) < control.epsilon) {
      fit.converged = true;
      break;
    }
    deviance_old = deviance;
    coefficients_old = coefficients;
  }

  fit.coefficients = coefficients;
  fit.linear_predictor = eta;
  fit.fitted = mu;
  fit.working_residuals.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) fit.working_residuals[i] = (y[i] - mu[i]) / LinkInverse(eta[i]);
  fit.working_weights.assign(static_cast<size_t>(n), 0.0);
  for (size_t r = 0; r < good.size(); ++r) fit.working_weights[good[r]] = sqrt_w[r] * sqrt_w[r];
  int observed = 0;
  for (double w : weights) observed += w != 0 ? 1 : 0;
  fit.df_residual = observed - fit.qr.rank();
  return fit;
}

double EstimateDispersion(const GlmFit& fit, std::span<const double> weights) {
  if (fit.df_residual <= 0) return kNaN;
  double sum = 0.0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] > 0) sum += weights[i] * fit.working_residuals[i] * fit.working_residuals[i];
  }
  return sum / fit.df_residual;
}

std::vector<double> CoefficientCovariance(const GlmFit& fit, double dispersion) {
  std::vector<double> covariance = fit.qr.UnscaledCovariance();
  for (double& c : covariance) c *= dispersion;
  return covariance;
}

CoefficientTest TestCoefficient(const GlmFit& fit, int column, double dispersion) {
  const int p = fit.qr.cols();
  CoefficientTest test;
  test.estimate = fit.coefficients[column];
  test.std_error =
      std::sqrt(dispersion * fit.qr.UnscaledCovariance()[static_cast<size_t>(column) * p + column]);
  test.t_value = test.estimate / test.std_error;
  test.p_value =
      fit.df_residual > 0 ? 2 * StudentTCdf(-std::fabs(test.t_value), fit.df_residual) : kNaN;
  return test;
}

LinkPrediction PredictLink(const GlmFit& fit, std::span<const double> row, double dispersion) {
  LinkPrediction prediction{0.0, 0.0};
  for (int j = 0; j < fit.qr.rank(); ++j) {
    const int c = fit.qr.pivot()[j];
    prediction.eta += row[c] * fit.coefficients[c];
  }
  prediction.se = std::sqrt(fit.qr.QuadraticForm(row) * dispersion);
  return prediction;
}

std::vector<double> Leverages(const GlmFit& fit) {
  return fit.qr.Leverages();
}

}  // namespace solieu::surveillance
