using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Receta.Benchmarks.ForecastBenchmarks).Assembly).Run(args);
