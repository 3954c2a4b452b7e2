package dev.lifecycle.core.health;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Least squares in 34-digit decimals, written the textbook way (normal equations of raw sums, one
 * intercept per segment), to check {@link LeastSquares}' two-pass doubles against.
 */
final class ExactLeastSquares {
  private static final MathContext MC = MathContext.DECIMAL128;

  /** A sample: time, value and restart segment. */
  record Sample(Instant at, double value, int segment) {}

  /** The exact fit: slope per second, R² and the newest segment's level at the newest sample. */
  record Exact(double slopePerSecond, double rSquared, double level) {}

  private ExactLeastSquares() {}

  static Exact fit(List<Sample> samples) {
    Instant base = samples.get(0).at();
    BigDecimal sxx = BigDecimal.ZERO;
    BigDecimal sxy = BigDecimal.ZERO;
    BigDecimal syy = BigDecimal.ZERO;
    BigDecimal lastMeanX = BigDecimal.ZERO;
    BigDecimal lastMeanY = BigDecimal.ZERO;
    for (List<Sample> segment : segments(samples)) {
      BigDecimal n = BigDecimal.valueOf(segment.size());
      BigDecimal sumX = BigDecimal.ZERO;
      BigDecimal sumY = BigDecimal.ZERO;
      BigDecimal sumXX = BigDecimal.ZERO;
      BigDecimal sumXY = BigDecimal.ZERO;
      BigDecimal sumYY = BigDecimal.ZERO;
      for (Sample s : segment) {
        BigDecimal x = seconds(base, s.at());
        BigDecimal y = new BigDecimal(s.value());
        sumX = sumX.add(x);
        sumY = sumY.add(y);
        sumXX = sumXX.add(x.multiply(x));
        sumXY = sumXY.add(x.multiply(y));
        sumYY = sumYY.add(y.multiply(y));
      }
      // n·Σxx − (Σx)² over n is the centred sum of squares, and so on.
      sxx = sxx.add(sumXX.subtract(sumX.multiply(sumX).divide(n, MC)));
      sxy = sxy.add(sumXY.subtract(sumX.multiply(sumY).divide(n, MC)));
      syy = syy.add(sumYY.subtract(sumY.multiply(sumY).divide(n, MC)));
      lastMeanX = sumX.divide(n, MC);
      lastMeanY = sumY.divide(n, MC);
    }
    if (sxx.signum() == 0) {
      return new Exact(0, 0, samples.get(samples.size() - 1).value());
    }
    BigDecimal slope = sxy.divide(sxx, MC);
    double rSquared =
        syy.signum() == 0
            ? 1
            : BigDecimal.ONE.subtract(syy.subtract(slope.multiply(sxy)).divide(syy, MC)).doubleValue();
    BigDecimal newestX = seconds(base, samples.get(samples.size() - 1).at());
    BigDecimal level = lastMeanY.add(slope.multiply(newestX.subtract(lastMeanX)));
    return new Exact(slope.doubleValue(), rSquared, level.doubleValue());
  }

  private static List<List<Sample>> segments(List<Sample> samples) {
    List<List<Sample>> segments = new ArrayList<>();
    int current = Integer.MIN_VALUE;
    for (Sample s : samples) {
      if (s.segment() != current) {
        segments.add(new ArrayList<>());
        current = s.segment();
      }
      segments.get(segments.size() - 1).add(s);
    }
    return segments;
  }

  private static BigDecimal seconds(Instant base, Instant at) {
    return BigDecimal.valueOf(at.getEpochSecond() - base.getEpochSecond())
        .add(BigDecimal.valueOf(at.getNano() - base.getNano(), 9));
  }
}
