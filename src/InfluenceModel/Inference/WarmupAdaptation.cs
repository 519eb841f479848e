namespace InfluenceModel.Inference;

/// <summary>
/// Nesterov dual averaging of log ε (Hoffman and Gelman 2014, §3.2; Stan's stepsize_adaptation): γ = 0.05, t0 = 10,
/// κ = 0.75, μ = log(10·ε0).
/// </summary>
internal sealed class DualAveraging(double targetAcceptance)
{
    private const double Gamma = 0.05;
    private const double T0 = 10;
    private const double Kappa = 0.75;
    private double _counter;
    private double _sBar;
    private double _xBar;

    /// <summary>The shrinkage target μ of log ε.</summary>
    public double Mu { get; set; }

    /// <summary>Forgets the history (after the metric changed).</summary>
    public void Restart()
    {
        _counter = 0;
        _sBar = 0;
        _xBar = 0;
    }

    /// <summary>The next step size after a transition with mean acceptance <paramref name="acceptStat"/>.</summary>
    public double Learn(double acceptStat)
    {
        _counter++;
        acceptStat = Math.Min(acceptStat, 1);
        double eta = 1.0 / (_counter + T0);
        _sBar = ((1 - eta) * _sBar) + (eta * (targetAcceptance - acceptStat));
        double x = Mu - (_sBar * Math.Sqrt(_counter) / Gamma);
        double xEta = Math.Pow(_counter, -Kappa);
        _xBar = ((1 - xEta) * _xBar) + (xEta * x);
        return Math.Exp(x);
    }

    /// <summary>The final, averaged step size exp(x̄).</summary>
    public double Final => Math.Exp(_xBar);
}

/// <summary>
/// Stan's windowed metric adaptation: an initial fast interval (75 iterations) adapts only the step size, then slow
/// windows (25, 50, 100, … iterations; the last one stretched to the terminal buffer) each estimate the posterior
/// (co)variance with Welford's algorithm, regularised towards 10⁻³·I as (n/(n+5))·Σ + 10⁻³·(5/(n+5))·I, and a
/// terminal fast interval (50) adapts the step size to the final metric. Warm-ups shorter than 150 use 15 % / 75 % /
/// 10 %; below 20 the metric is not adapted.
/// </summary>
internal sealed class WindowedAdaptation
{
    private readonly int _warmup;
    private readonly int _initBuffer;
    private readonly int _termBuffer;
    private readonly bool _enabled;
    private readonly int _n;
    private readonly bool _dense;
    private readonly double[] _mean;
    private readonly double[] _m2;
    private readonly double[] _delta;
    private int _windowSize;
    private int _nextWindow;
    private int _counter;
    private int _samples;

    public WindowedAdaptation(int warmup, int dimension, bool dense)
    {
        _warmup = warmup;
        _n = dimension;
        _dense = dense;
        _mean = new double[dimension];
        _m2 = new double[dense ? dimension * dimension : dimension];
        _delta = new double[dimension];
        int initBuffer = 75, termBuffer = 50, baseWindow = 25;
        _enabled = warmup >= 20;
        if (_enabled && initBuffer + baseWindow + termBuffer > warmup)
        {
            initBuffer = (int)(0.15 * warmup);
            termBuffer = (int)(0.1 * warmup);
            baseWindow = warmup - (initBuffer + termBuffer);
        }

        _initBuffer = initBuffer;
        _termBuffer = termBuffer;
        _windowSize = baseWindow;
        _nextWindow = initBuffer + baseWindow - 1;
    }

    /// <summary>
    /// Records the draw of warm-up iteration (counter) and returns true when a slow window just ended; then
    /// <paramref name="inverseMetric"/> holds the new regularised estimate.
    /// </summary>
    public bool Learn(ReadOnlySpan<double> q, Span<double> inverseMetric)
    {
        if (!_enabled)
        {
            _counter++;
            return false;
        }

        if (_counter >= _initBuffer && _counter < _warmup - _termBuffer && _counter != _warmup)
        {
            AddSample(q);
        }

        if (_counter == _nextWindow && _counter != _warmup)
        {
            ComputeNextWindow();
            double n = _samples;
            double shrink = n / (n + 5), jitter = 1e-3 * (5 / (n + 5));
            if (_dense)
            {
                for (int i = 0; i < _n; i++)
                {
                    for (int j = 0; j < _n; j++)
                    {
                        int k = (i * _n) + j;
                        inverseMetric[k] = (shrink * _m2[k] / (n - 1)) + (i == j ? jitter : 0);
                    }
                }
            }
            else
            {
                for (int i = 0; i < _n; i++)
                {
                    inverseMetric[i] = (shrink * _m2[i] / (n - 1)) + jitter;
                }
            }

            Array.Clear(_mean);
            Array.Clear(_m2);
            _samples = 0;
            _counter++;
            return true;
        }

        _counter++;
        return false;
    }

    private void AddSample(ReadOnlySpan<double> q)
    {
        _samples++;
        for (int i = 0; i < _n; i++)
        {
            _delta[i] = q[i] - _mean[i];
            _mean[i] += _delta[i] / _samples;
        }

        if (!_dense)
        {
            for (int i = 0; i < _n; i++)
            {
                _m2[i] += _delta[i] * (q[i] - _mean[i]);
            }

            return;
        }

        for (int i = 0; i < _n; i++)
        {
            for (int j = 0; j < _n; j++)
            {
                _m2[(i * _n) + j] += _delta[i] * (q[j] - _mean[j]);
            }
        }
    }

    private void ComputeNextWindow()
    {
        int last = _warmup - _termBuffer - 1;
        if (_nextWindow == last)
        {
            return;
        }

        _windowSize *= 2;
        _nextWindow = _counter + _windowSize;
        if (_nextWindow != last && _nextWindow + (2 * _windowSize) >= _warmup - _termBuffer)
        {
            _nextWindow = last;
        }
    }
}
