using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/InfluenceModel.Benchmarks -- --filter '*'
// See docs/performance.md for the recorded tables and the exact commands.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
