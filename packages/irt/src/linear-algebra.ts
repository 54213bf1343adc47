/**
 * Inverse of a symmetric positive-definite matrix (row-major, n × n) by Cholesky factorisation.
 * Returns null when the matrix is not positive definite (e.g. a singular information matrix),
 * which callers report as "no standard errors" rather than printing nonsense.
 */
export function invertSymmetricPositiveDefinite(matrix: Float64Array, n: number): Float64Array | null {
  // Lower-triangular L with L·Lᵀ = matrix.
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= lower[i * n + k]! * lower[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        lower[i * n + i] = Math.sqrt(sum);
      } else lower[i * n + j] = sum / lower[j * n + j]!;
    }
  }
  // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ·L⁻¹.
  const lowerInverse = new Float64Array(n * n);
  for (let col = 0; col < n; col++) {
    lowerInverse[col * n + col] = 1 / lower[col * n + col]!;
    for (let i = col + 1; i < n; i++) {
      let sum = 0;
      for (let k = col; k < i; k++) sum -= lower[i * n + k]! * lowerInverse[k * n + col]!;
      lowerInverse[i * n + col] = sum / lower[i * n + i]!;
    }
  }
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += lowerInverse[k * n + i]! * lowerInverse[k * n + j]!;
      inverse[i * n + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}
