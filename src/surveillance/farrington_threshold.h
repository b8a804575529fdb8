// surveillance/farrington_threshold: the upper threshold of farringtonFlexible from the predicted
// mean, its standard error and the dispersion, by Farrington's delta method or by Noufaily's
// negative binomial quantile, with the exceedance score and the p-value of the observed count.
// Depends on: surveillance/distributions.
#pragma once

#include "surveillance/farrington_flexible.h"

namespace solieu::surveillance {

// NaN marks R's NA in every field.
struct FarringtonThreshold {
  double upper;
  double pvalue;  // P(Y >= y)
  double score;   // (y - prediction) / (upper - prediction)
};

// Farrington 1996: h(Y) ~ Normal around h(mu0), h the power transform, with
// var = phi * mu0 + var(mu0) carried through the delta method. mu0 and se_mu0 are on the count
// scale; phi >= 1.
FarringtonThreshold DeltaThreshold(double mu0, double se_mu0, double phi, PowerTransform transform,
                                   double alpha, double y);

// Noufaily 2013: the (1 - alpha) quantile of a negative binomial with mean mu and variance
// phi * mu (Poisson when phi == 1), mu = exp(eta0) ("nbPlugin") or exp(eta0 + z se_eta0) ("muan").
// eta0 and se_eta0 are on the log scale. As in R, the score subtracts eta0 (the log-scale
// prediction), not the mean: (y - eta0) / (upper - eta0).
FarringtonThreshold NegativeBinomialThreshold(double eta0, double se_eta0, double phi,
                                              ThresholdMethod method, double alpha, double y);

}  // namespace solieu::surveillance
