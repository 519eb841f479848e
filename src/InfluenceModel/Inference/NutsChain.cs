using System.Runtime.CompilerServices;
using InfluenceModel.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfluenceModel.Inference;

/// <summary>
/// One NUTS chain (Stan's base_nuts with a Euclidean metric): multinomial sampling over the trajectory (biased
/// progressive sampling between subtrees at the top level, uniform within subtrees), the generalised no-U-turn
/// criterion checked across the merged trajectory and across the two boundaries between the merged subtrees,
/// divergence at an energy error above 1,000, and Stan's warm-up (step-size heuristic, dual averaging, windowed
/// metric). All buffers are allocated once; a leapfrog step allocates nothing. Not thread-safe: one thread per chain.
/// </summary>
internal sealed class NutsChain
{
    private const double MaxDeltaH = 1000;

    private readonly ILogDensity _density;
    private readonly int _n;
    private readonly int _maxDepth;
    private readonly bool _dense;
    private readonly CancellationToken _cancellationToken;
    private Xoshiro256 _rng;

    // Inverse metric M⁻¹: diagonal (n) or dense row-major (n·n) with its lower Cholesky factor L (M⁻¹ = L·Lᵀ).
    private readonly double[] _inverseMetric;
    private readonly double[] _choleskyLower;

    // The integrator's current state z = (q, p, ∇ log p, log p) and p♯ = M⁻¹p.
    private readonly Point _z;
    private readonly double[] _pSharp;
    private double _kinetic;

    private readonly Point _forward, _backward, _sample, _propose;
    private readonly double[] _pFwdFwd, _pSharpFwdFwd, _pFwdBck, _pSharpFwdBck;
    private readonly double[] _pBckFwd, _pSharpBckFwd, _pBckBck, _pSharpBckBck;
    private readonly double[] _rho, _rhoFwd, _rhoBck;

    // Per recursion level d ≥ 1 of BuildTree: the state each level keeps while its two halves are built.
    private readonly Point[] _proposeFinal;
    private readonly double[][] _pInitEnd, _pSharpInitEnd, _rhoInit, _pFinalBeg, _pSharpFinalBeg, _rhoFinal;

    private int _leapfrogs;
    private double _sumMetropolis;
    private bool _divergent;

    public NutsChain(ILogDensity density, int maxDepth, bool dense, ulong seed, int chain, CancellationToken cancellationToken)
    {
        _density = density;
        _n = density.Dimension;
        _maxDepth = maxDepth;
        _dense = dense;
        _cancellationToken = cancellationToken;
        _rng = new Xoshiro256(seed, (ulong)chain);
        int n = _n;
        _inverseMetric = new double[dense ? n * n : n];
        _choleskyLower = dense ? new double[n * n] : [];
        SetUnitMetric();
        _z = new Point(n);
        _pSharp = new double[n];
        _forward = new Point(n);
        _backward = new Point(n);
        _sample = new Point(n);
        _propose = new Point(n);
        _pFwdFwd = new double[n];
        _pSharpFwdFwd = new double[n];
        _pFwdBck = new double[n];
        _pSharpFwdBck = new double[n];
        _pBckFwd = new double[n];
        _pSharpBckFwd = new double[n];
        _pBckBck = new double[n];
        _pSharpBckBck = new double[n];
        _rho = new double[n];
        _rhoFwd = new double[n];
        _rhoBck = new double[n];
        _proposeFinal = new Point[maxDepth];
        _pInitEnd = Matrix(maxDepth, n);
        _pSharpInitEnd = Matrix(maxDepth, n);
        _rhoInit = Matrix(maxDepth, n);
        _pFinalBeg = Matrix(maxDepth, n);
        _pSharpFinalBeg = Matrix(maxDepth, n);
        _rhoFinal = Matrix(maxDepth, n);
        for (int d = 0; d < maxDepth; d++)
        {
            _proposeFinal[d] = new Point(n);
        }
    }

    /// <summary>The nominal step size ε.</summary>
    public double StepSize { get; set; } = 1;

    /// <summary>Log-density evaluations so far.</summary>
    public int GradientEvaluations { get; private set; }

    /// <summary>The current position (the last draw).</summary>
    public ReadOnlySpan<double> Position => _z.Q;

    /// <summary>Tree depth of the last transition.</summary>
    public int Depth { get; private set; }

    /// <summary>Whether the last transition diverged.</summary>
    public bool Divergent => _divergent;

    /// <summary>The mean Metropolis acceptance over the last trajectory, in [0, 1].</summary>
    public double AcceptStat { get; private set; }

    /// <summary>The Hamiltonian H = −log p + ½pᵀM⁻¹p at the last draw (with the momentum it was drawn with).</summary>
    public double Energy { get; private set; }

    /// <summary>
    /// Sets the initial point: <paramref name="initialPoint"/> if given, else uniform(−r, r) points until log p and
    /// its gradient are finite (at most 100 tries).
    /// </summary>
    public void Initialize(IReadOnlyList<double>? initialPoint, double radius)
    {
        const int MaxTries = 100;
        for (int attempt = 0; attempt < MaxTries; attempt++)
        {
            for (int i = 0; i < _n; i++)
            {
                _z.Q[i] = initialPoint is null ? radius * ((2 * _rng.NextDouble()) - 1) : initialPoint[i];
            }

            _z.LogP = Evaluate(_z.Q, _z.G);
            if (IsFinite(_z.LogP, _z.G))
            {
                return;
            }

            if (initialPoint is not null)
            {
                throw Guard.Invalid(
                    nameof(NutsOptions.InitialPoint),
                    "The log density or its gradient is not finite at InitialPoint; choose a point inside the support.");
            }
        }

        throw new InvalidOperationException(
            $"No finite log density (and gradient) found at {MaxTries} random initial points uniform in (−{radius}, {radius}); " +
            "check the density's support, its unconstrained parameterisation, or pass NutsOptions.InitialPoint.");
    }

    /// <summary>Stan's step-size heuristic: double or halve ε until the one-step acceptance crosses 0.8.</summary>
    public void InitializeStepSize()
    {
        double logTarget = Math.Log(0.8);
        _sample.CopyPositionFrom(_z);
        double deltaH = OneStepEnergyChange();
        int direction = deltaH > logTarget ? 1 : -1;
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _z.CopyPositionFrom(_sample);
            deltaH = OneStepEnergyChange();
            if ((direction == 1 && !(deltaH > logTarget)) || (direction == -1 && !(deltaH < logTarget)))
            {
                break;
            }

            StepSize = direction == 1 ? 2 * StepSize : 0.5 * StepSize;
            if (StepSize > 1e7)
            {
                throw new InvalidOperationException("The step size grew beyond 1e7 during initialisation: the posterior looks improper (flat in some direction); check the density.");
            }

            if (StepSize < 1e-300)
            {
                throw new InvalidOperationException("The step size fell to 0 during initialisation: the log density or its gradient is not finite near the initial point; check the density.");
            }
        }

        _z.CopyPositionFrom(_sample);
    }

    private double OneStepEnergyChange()
    {
        SampleMomentum();
        double h0 = Hamiltonian();
        double h = Leapfrog(StepSize);
        return h0 - h;
    }

    /// <summary>One NUTS transition from the current position; afterwards the position is the new draw.</summary>
    public void Transition()
    {
        int n = _n;
        SampleMomentum();
        double h0 = Hamiltonian();
        _forward.CopyFrom(_z);
        _backward.CopyFrom(_z);
        _sample.CopyPositionFrom(_z);
        _z.P.CopyTo(_pFwdFwd, 0);
        _z.P.CopyTo(_pFwdBck, 0);
        _z.P.CopyTo(_pBckFwd, 0);
        _z.P.CopyTo(_pBckBck, 0);
        _pSharp.CopyTo(_pSharpFwdFwd, 0);
        _pSharp.CopyTo(_pSharpFwdBck, 0);
        _pSharp.CopyTo(_pSharpBckFwd, 0);
        _pSharp.CopyTo(_pSharpBckBck, 0);
        _z.P.CopyTo(_rho, 0);
        double logSumWeight = 0; // log Σ exp(H0 − H) over the trajectory, the initial point contributing 1
        _leapfrogs = 0;
        _sumMetropolis = 0;
        _divergent = false;
        Depth = 0;
        while (Depth < _maxDepth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            double logSumWeightSubtree = double.NegativeInfinity;
            bool valid;
            if (_rng.NextDouble() > 0.5)
            {
                // Extend forwards: the old trajectory becomes the backward subtree.
                _z.CopyFrom(_forward);
                _rho.CopyTo(_rhoBck, 0);
                _pFwdFwd.CopyTo(_pBckFwd, 0);
                _pSharpFwdFwd.CopyTo(_pSharpBckFwd, 0);
                Array.Clear(_rhoFwd);
                valid = BuildTree(Depth, _propose, _pSharpFwdBck, _pSharpFwdFwd, _rhoFwd, _pFwdBck, _pFwdFwd, h0, 1, ref logSumWeightSubtree);
                _forward.CopyFrom(_z);
            }
            else
            {
                // Extend backwards: the old trajectory becomes the forward subtree.
                _z.CopyFrom(_backward);
                _rho.CopyTo(_rhoFwd, 0);
                _pBckBck.CopyTo(_pFwdBck, 0);
                _pSharpBckBck.CopyTo(_pSharpFwdBck, 0);
                Array.Clear(_rhoBck);
                valid = BuildTree(Depth, _propose, _pSharpBckFwd, _pSharpBckBck, _rhoBck, _pBckFwd, _pBckBck, h0, -1, ref logSumWeightSubtree);
                _backward.CopyFrom(_z);
            }

            if (!valid)
            {
                break;
            }

            Depth++;
            // Biased progressive sampling: move to the new subtree with probability min(1, w_new / w_old).
            if (logSumWeightSubtree > logSumWeight || _rng.NextDouble() < Math.Exp(logSumWeightSubtree - logSumWeight))
            {
                _sample.CopyPositionFrom(_propose);
            }

            logSumWeight = LogSumExp(logSumWeight, logSumWeightSubtree);
            for (int i = 0; i < n; i++)
            {
                _rho[i] = _rhoBck[i] + _rhoFwd[i];
            }

            // Generalised no-U-turn over the merged trajectory and across the boundary between the two subtrees.
            bool persist = Criterion(_pSharpBckBck, _pSharpFwdFwd, _rho)
                && Criterion(_pSharpBckBck, _pSharpFwdBck, _rhoBck, _pFwdBck)
                && Criterion(_pSharpBckFwd, _pSharpFwdFwd, _rhoFwd, _pBckFwd);
            if (!persist)
            {
                break;
            }
        }

        AcceptStat = _leapfrogs > 0 ? _sumMetropolis / _leapfrogs : 0;
        _z.CopyPositionFrom(_sample);
        Energy = _sample.Kinetic - _sample.LogP;
    }

    private bool BuildTree(int depth, Point propose, double[] pSharpBeg, double[] pSharpEnd, double[] rho, double[] pBeg, double[] pEnd,
        double h0, int sign, ref double logSumWeight)
    {
        if (depth == 0)
        {
            if ((_leapfrogs & 63) == 63)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            double h = Leapfrog(sign * StepSize);
            _leapfrogs++;
            if (h - h0 > MaxDeltaH)
            {
                _divergent = true;
            }

            logSumWeight = LogSumExp(logSumWeight, h0 - h);
            _sumMetropolis += h0 - h > 0 ? 1 : Math.Exp(h0 - h);
            propose.CopyPositionFrom(_z);
            propose.Kinetic = _kinetic;
            _pSharp.CopyTo(pSharpBeg, 0);
            _pSharp.CopyTo(pSharpEnd, 0);
            double[] p = _z.P;
            for (int i = 0; i < p.Length; i++)
            {
                rho[i] += p[i];
            }

            p.CopyTo(pBeg, 0);
            p.CopyTo(pEnd, 0);
            return !_divergent;
        }

        int level = depth - 1;
        double[] pInitEnd = _pInitEnd[level], pSharpInitEnd = _pSharpInitEnd[level], rhoInit = _rhoInit[level];
        double[] pFinalBeg = _pFinalBeg[level], pSharpFinalBeg = _pSharpFinalBeg[level], rhoFinal = _rhoFinal[level];
        Point proposeFinal = _proposeFinal[level];

        double logSumWeightInit = double.NegativeInfinity;
        Array.Clear(rhoInit);
        if (!BuildTree(depth - 1, propose, pSharpBeg, pSharpInitEnd, rhoInit, pBeg, pInitEnd, h0, sign, ref logSumWeightInit))
        {
            return false;
        }

        proposeFinal.CopyPositionFrom(_z);
        double logSumWeightFinal = double.NegativeInfinity;
        Array.Clear(rhoFinal);
        if (!BuildTree(depth - 1, proposeFinal, pSharpFinalBeg, pSharpEnd, rhoFinal, pFinalBeg, pEnd, h0, sign, ref logSumWeightFinal))
        {
            return false;
        }

        // Uniform (multinomial) sampling within the subtree.
        double logSumWeightSubtree = LogSumExp(logSumWeightInit, logSumWeightFinal);
        logSumWeight = LogSumExp(logSumWeight, logSumWeightSubtree);
        if (logSumWeightFinal > logSumWeightSubtree || _rng.NextDouble() < Math.Exp(logSumWeightFinal - logSumWeightSubtree))
        {
            propose.CopyPositionFrom(proposeFinal);
        }

        int n = _n;
        for (int i = 0; i < n; i++)
        {
            rho[i] += rhoInit[i] + rhoFinal[i];
        }

        // rho now holds (outer rho) + subtree; the subtree's own sum is rhoInit + rhoFinal.
        return CriterionSum(pSharpBeg, pSharpEnd, rhoInit, rhoFinal)
            && Criterion(pSharpBeg, pSharpFinalBeg, rhoInit, pFinalBeg)
            && Criterion(pSharpInitEnd, pSharpEnd, rhoFinal, pInitEnd);
    }

    /// <summary>p♯⁻·ρ &gt; 0 and p♯⁺·ρ &gt; 0.</summary>
    private static bool Criterion(double[] pSharpMinus, double[] pSharpPlus, double[] rho)
    {
        double minus = 0, plus = 0;
        for (int i = 0; i < rho.Length; i++)
        {
            minus += pSharpMinus[i] * rho[i];
            plus += pSharpPlus[i] * rho[i];
        }

        return minus > 0 && plus > 0;
    }

    /// <summary>The criterion with ρ = a + b.</summary>
    private static bool Criterion(double[] pSharpMinus, double[] pSharpPlus, double[] a, double[] b) => CriterionSum(pSharpMinus, pSharpPlus, a, b);

    private static bool CriterionSum(double[] pSharpMinus, double[] pSharpPlus, double[] a, double[] b)
    {
        double minus = 0, plus = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double rho = a[i] + b[i];
            minus += pSharpMinus[i] * rho;
            plus += pSharpPlus[i] * rho;
        }

        return minus > 0 && plus > 0;
    }

    /// <summary>One leapfrog step of size <paramref name="epsilon"/> from z; returns H at the new point (+∞ when log p or
    /// its gradient is not finite there).</summary>
    private double Leapfrog(double epsilon)
    {
        double[] q = _z.Q, p = _z.P, g = _z.G;
        int n = _n;
        double half = 0.5 * epsilon;
        for (int i = 0; i < n; i++)
        {
            p[i] += half * g[i];
        }

        ComputePSharp();
        for (int i = 0; i < n; i++)
        {
            q[i] += epsilon * _pSharp[i];
        }

        double logP = Evaluate(q, g);
        _z.LogP = logP;
        for (int i = 0; i < n; i++)
        {
            p[i] += half * g[i];
        }

        ComputePSharp();
        _kinetic = Kinetic();
        double h = _kinetic - logP;
        return double.IsFinite(h) && IsFinite(logP, g) ? h : double.PositiveInfinity;
    }

    private double Hamiltonian()
    {
        ComputePSharp();
        _kinetic = Kinetic();
        _z.Kinetic = _kinetic;
        return _kinetic - _z.LogP;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Kinetic()
    {
        double sum = 0;
        double[] p = _z.P;
        for (int i = 0; i < p.Length; i++)
        {
            sum += p[i] * _pSharp[i];
        }

        return 0.5 * sum;
    }

    private void ComputePSharp()
    {
        double[] p = _z.P;
        int n = _n;
        if (!_dense)
        {
            for (int i = 0; i < n; i++)
            {
                _pSharp[i] = _inverseMetric[i] * p[i];
            }

            return;
        }

        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            int row = i * n;
            for (int j = 0; j < n; j++)
            {
                sum += _inverseMetric[row + j] * p[j];
            }

            _pSharp[i] = sum;
        }
    }

    /// <summary>p ~ Normal(0, M): p_i = u_i/√(M⁻¹)_ii (diagonal) or p = L⁻ᵀu with M⁻¹ = LLᵀ (dense).</summary>
    private void SampleMomentum()
    {
        double[] p = _z.P;
        int n = _n;
        for (int i = 0; i < n; i += 2)
        {
            _rng.NextGaussianPair(out double u1, out double u2);
            p[i] = u1;
            if (i + 1 < n)
            {
                p[i + 1] = u2;
            }
        }

        if (!_dense)
        {
            for (int i = 0; i < n; i++)
            {
                p[i] /= Math.Sqrt(_inverseMetric[i]);
            }

            return;
        }

        // Back substitution Lᵀp = u.
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = p[i];
            for (int j = i + 1; j < n; j++)
            {
                sum -= _choleskyLower[(j * n) + i] * p[j];
            }

            p[i] = sum / _choleskyLower[(i * n) + i];
        }
    }

    /// <summary>Sets the inverse metric from a (regularised) variance vector or covariance matrix (row-major).</summary>
    public void SetInverseMetric(ReadOnlySpan<double> values)
    {
        values.CopyTo(_inverseMetric);
        if (_dense)
        {
            var matrix = Matrix<double>.Build.Dense(_n, _n, (i, j) => _inverseMetric[(i * _n) + j]);
            var lower = matrix.Cholesky().Factor;
            for (int i = 0; i < _n; i++)
            {
                for (int j = 0; j < _n; j++)
                {
                    _choleskyLower[(i * _n) + j] = lower[i, j];
                }
            }
        }
    }

    /// <summary>A copy of the inverse metric (diagonal or row-major dense).</summary>
    public double[] InverseMetric => (double[])_inverseMetric.Clone();

    private void SetUnitMetric()
    {
        if (!_dense)
        {
            Array.Fill(_inverseMetric, 1.0);
            return;
        }

        for (int i = 0; i < _n; i++)
        {
            _inverseMetric[(i * _n) + i] = 1;
            _choleskyLower[(i * _n) + i] = 1;
        }
    }

    private double Evaluate(double[] q, double[] g)
    {
        GradientEvaluations++;
        double value = _density.Evaluate(q, g);
        return double.IsNaN(value) ? double.NegativeInfinity : value;
    }

    private static bool IsFinite(double logP, double[] g)
    {
        if (!double.IsFinite(logP))
        {
            return false;
        }

        double sum = 0;
        for (int i = 0; i < g.Length; i++)
        {
            sum += g[i] * 0; // NaN or ±∞ make the product NaN
        }

        return sum == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogSumExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
    }

    private static double[][] Matrix(int rows, int columns)
    {
        var result = new double[rows][];
        for (int i = 0; i < rows; i++)
        {
            result[i] = new double[columns];
        }

        return result;
    }

    /// <summary>A phase-space point: position, momentum, gradient of log p, log p and kinetic energy.</summary>
    private sealed class Point(int n)
    {
        public readonly double[] Q = new double[n];
        public readonly double[] P = new double[n];
        public readonly double[] G = new double[n];
        public double LogP;
        public double Kinetic;

        public void CopyFrom(Point other)
        {
            other.Q.CopyTo(Q, 0);
            other.P.CopyTo(P, 0);
            other.G.CopyTo(G, 0);
            LogP = other.LogP;
            Kinetic = other.Kinetic;
        }

        /// <summary>Copies what a draw needs (position, gradient, log p), not the momentum.</summary>
        public void CopyPositionFrom(Point other)
        {
            other.Q.CopyTo(Q, 0);
            other.G.CopyTo(G, 0);
            LogP = other.LogP;
            Kinetic = other.Kinetic;
        }
    }
}
