using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(KneeReset.Benchmarks.RulesBenchmark).Assembly).Run(args);
