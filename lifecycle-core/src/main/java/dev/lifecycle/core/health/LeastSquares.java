package dev.lifecycle.core.health;

import java.time.Instant;
import java.util.List;

/**
 * Ordinary least squares with one slope shared by every restart segment and an intercept per
 * segment: slope = Σ(t − t̄ₛ)(v − v̄ₛ) / Σ(t − t̄ₛ)², each sum over the points of segment s around
 * that segment's own means. Two passes over centred figures keep it exact enough in doubles.
 */
final class LeastSquares {
  private LeastSquares() {}

  /** Fits points that are in time order, with non-decreasing segment numbers. */
  static Trend.Fit fit(List<Trend.Point> points) {
    int n = points.size();
    if (n == 0) {
      return new Trend.Fit(0, 0, 0, 0, 0);
    }
    Instant base = points.get(0).at;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = seconds(base, points.get(i).at);
    }
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    int segments = 0;
    double lastMeanT = 0;
    double lastMeanV = 0;
    for (int from = 0; from < n; ) {
      int to = from;
      int id = points.get(from).segment;
      double sumT = 0;
      double sumV = 0;
      while (to < n && points.get(to).segment == id) {
        sumT += t[to];
        sumV += points.get(to).value;
        to++;
      }
      double meanT = sumT / (to - from);
      double meanV = sumV / (to - from);
      for (int i = from; i < to; i++) {
        double dt = t[i] - meanT;
        double dv = points.get(i).value - meanV;
        sxx += dt * dt;
        sxy += dt * dv;
        syy += dv * dv;
      }
      segments++;
      lastMeanT = meanT;
      lastMeanV = meanV;
      from = to;
    }
    double newestT = t[n - 1];
    if (n < 2 || !(sxx > 0)) {
      return new Trend.Fit(n, segments, 0, 0, finite(points.get(n - 1).value));
    }
    double slope = sxy / sxx;
    double rSquared;
    if (!(syy > 0)) {
      rSquared = 1;
    } else {
      double residual = Math.max(0, syy - slope * sxy);
      rSquared = Math.min(1, Math.max(0, 1 - residual / syy));
    }
    double level = lastMeanV + slope * (newestT - lastMeanT);
    if (!Double.isFinite(slope) || !Double.isFinite(level) || !Double.isFinite(rSquared)) {
      return new Trend.Fit(n, segments, 0, 0, finite(points.get(n - 1).value));
    }
    return new Trend.Fit(n, segments, slope, rSquared, level);
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private static double seconds(Instant from, Instant to) {
    return (to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) / 1e9;
  }
}
